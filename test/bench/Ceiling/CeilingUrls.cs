namespace GraphLite.Bench.Ceiling;

/// <summary>Builds the absolute URLs and bodies that GraphLite writes, from the request's scheme and host.</summary>
internal static class CeilingUrls
{
    public static string Metadata(HttpRequest request) => $"{request.Scheme}://{request.Host}/v1.0/$metadata";

    public static string EntitySet(HttpRequest request) => $"{request.Scheme}://{request.Host}/v1.0/participantLeftNotifications";

    public static EntityBody Entity(HttpRequest request, Notification notification) =>
        new(Metadata(request) + "#participantLeftNotifications/$entity", Notification.ODataType, Notification.ETag, notification.Id!, notification.ParticipantId!);

    public static ItemBody Item(Notification notification) =>
        new(Notification.ODataType, Notification.ETag, notification.Id!, notification.ParticipantId!);
}
