using System.Net;
using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.EntitySet;

public sealed class EntitySetOptionsTests
{
    [Test]
    public async Task DefaultPageSize_ComesFromConfiguration()
    {
        using var factory = new GraphLiteFactory(builder => builder.UseSetting("GraphLite:Paging:DefaultPageSize", "4"));
        using var client = factory.CreateGraphClient();
        await client.SeedManyAsync(5);

        var page = await client.GetPageAsync(Requests.SetPath);

        page.Ids().Should().HaveCount(4);
        page.NextLink().Should().NotBeNull();
    }

    [Test]
    public void Startup_Fails_WhenDefaultPageSizeExceedsMaximum()
    {
        using var factory = new GraphLiteFactory(builder => builder.UseSetting("GraphLite:Paging:DefaultPageSize", "1000"));

        var start = () => factory.CreateGraphClient();

        start.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>()
            .WithMessage("*GraphLite:Paging:DefaultPageSize (1000) must not exceed GraphLite:Paging:MaxPageSize (999).*");
    }

    [Test]
    public async Task QueryLimits_ComeFromConfiguration()
    {
        using var factory = new GraphLiteFactory(builder =>
        {
            builder.UseSetting("GraphLite:Limits:MaxUrlLength", "300");
            builder.UseSetting("GraphLite:QueryLimits:MaxNodeCount", "3");
        });
        using var client = factory.CreateGraphClient();

        var tooLong = await client.GetAsync($"{Requests.SetPath}?$filter=id eq '{new string('x', 300)}'");
        var tooBig = await client.GetAsync($"{Requests.SetPath}?$filter=id eq 'a' or id eq 'b'");

        var urlError = await tooLong.ShouldBeGraphErrorAsync(HttpStatusCode.RequestUriTooLong, "RequestUriTooLong");
        urlError.GetProperty("message").GetString().Should().Contain("the limit is 300");
        var sizeError = await tooBig.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        sizeError.GetProperty("message").GetString().Should().Contain("The $filter has 7 nodes").And.Contain("the maximum is 3");
    }

    [Test]
    public void Startup_Fails_WhenAQueryLimitIsNotPositive()
    {
        using var factory = new GraphLiteFactory(builder => builder.UseSetting("GraphLite:QueryLimits:MaxNodeCount", "0"));

        var start = () => factory.CreateGraphClient();

        start.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>()
            .WithMessage("*GraphLite:QueryLimits:MaxNodeCount must be at least 1; it is 0.*");
    }
}
