using GraphLite.OData;
using GraphLite.Storage;

namespace GraphLite.Notifications;

/// <summary>Serves the entity set <c>participantLeftNotifications</c>.</summary>
public sealed class ParticipantLeftNotificationsController(IEntityStore<ParticipantLeftNotification> store, EntitySetServices services)
    : EntitySetController<ParticipantLeftNotification>(store, services);
