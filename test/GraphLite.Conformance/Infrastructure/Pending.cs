namespace GraphLite.Conformance;

/// <summary>
/// Features that some conformance tests need and GraphLite does not serve yet. Such a test calls
/// <c>Assert.Ignore</c> with the reason; when the feature lands, its test drops that call.
/// </summary>
public static class Pending
{
    public const string Paging = "Needs server-driven paging (@odata.nextLink and Prefer: odata.maxpagesize), not yet served.";
}
