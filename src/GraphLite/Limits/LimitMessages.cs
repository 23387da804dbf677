namespace GraphLite.Limits;

/// <summary>The messages of the limit errors; 413 starts with Graph's own sentence.</summary>
public static class LimitMessages
{
    public static string BodyTooLarge(long limit) =>
        $"Maximum request length exceeded. A request body can have at most {limit} bytes.";

    public static string BodyTooLarge(long length, long limit) =>
        $"Maximum request length exceeded. The request body has {length} bytes; the limit is {limit} bytes.";

    public static string UrlTooLong(int length, int limit) =>
        $"The request URL has {length} characters; the limit is {limit}. Send long queries in a $batch request body.";

    public static string HeadersTooLarge(int size, int limit) =>
        $"The request headers have {size} bytes in total; the limit is {limit} bytes.";

    public static string TooManyHeaders(int count, int limit) =>
        $"The request has {count} headers; the limit is {limit}.";
}
