using GraphLite.Http;

namespace GraphLite.Tests.Hosting;

public sealed class ODataContentTypeTests
{
    [TestCase("application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8",
        "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8")]
    [TestCase("application/json; odata.metadata=full; odata.streaming=true; charset=utf-8",
        "application/json;odata.metadata=full;odata.streaming=true;IEEE754Compatible=false;charset=utf-8")]
    [TestCase("application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=true; charset=utf-8",
        "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=true;charset=utf-8")]
    [TestCase("application/json", "application/json")]
    [TestCase("application/xml", "application/xml")]
    [TestCase("text/plain; charset=utf-8", "text/plain; charset=utf-8")]
    public void Normalize_WritesGraphSpelling(string input, string expected)
    {
        ODataContentType.Normalize(input).Should().Be(expected);
    }
}
