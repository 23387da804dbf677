using System.Net;
using System.Security.Cryptography;
using GraphLite.Tests.EntitySet;
using GraphLite.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace GraphLite.Tests.Storage;

/// <summary>
/// Two GraphLite instances on one database continue each other's pages when they share
/// <c>GraphLite:Paging:SkipTokenKey</c>, and reject each other's <c>$skiptoken</c> with a 400 when they do not.
/// </summary>
public sealed class SharedSkipTokenKeyTests
{
    private TestStore _store = null!;

    [SetUp]
    public void SetUp() => _store = TestStore.Create(StoreKind.Sqlite);

    [TearDown]
    public async Task TearDownAsync() => await _store.DisposeAsync();

    [Test]
    public async Task NextLink_ContinuesOnOtherInstance_WhenKeyIsShared()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var first = new GraphLiteFactory(builder => Configure(builder, key));
        await using var second = new GraphLiteFactory(builder => Configure(builder, key));
        using var firstClient = first.CreateGraphClient();
        using var secondClient = second.CreateGraphClient();
        await firstClient.SeedManyAsync(5);

        var firstPage = await firstClient.GetPageAsync($"{Requests.SetPath}?$top=3");
        var secondPage = await secondClient.GetPageAsync(firstPage.NextLink()!);

        firstPage.Ids().Should().Equal("n000", "n001", "n002");
        secondPage.Ids().Should().Equal("n003", "n004");
    }

    [Test]
    public async Task NextLink_Returns400OnOtherInstance_WhenKeysDiffer()
    {
        await using var first = new GraphLiteFactory(builder => Configure(builder, key: null));
        await using var second = new GraphLiteFactory(builder => Configure(builder, key: null));
        using var firstClient = first.CreateGraphClient();
        using var secondClient = second.CreateGraphClient();
        await firstClient.SeedManyAsync(5);

        var firstPage = await firstClient.GetPageAsync($"{Requests.SetPath}?$top=3");
        var response = await secondClient.GetAsync(firstPage.NextLink()!);

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        error.GetProperty("message").GetString().Should().StartWith("The $skiptoken is not valid: it was not issued by this GraphLite process");
    }

    [TestCase("not base64!")]
    [TestCase("c2hvcnQ=")]
    [TestCase("")]
    public void Startup_Fails_WhenKeyIsInvalid(string key)
    {
        using var factory = new GraphLiteFactory(builder => builder.UseSetting("GraphLite:Paging:SkipTokenKey", key));

        var start = () => factory.CreateGraphClient();

        start.Should().Throw<OptionsValidationException>()
            .WithMessage("*GraphLite:Paging:SkipTokenKey must be base64 of at least 32 bytes, e.g. the output of 'openssl rand -base64 32'.*");
    }

    private void Configure(IWebHostBuilder builder, string? key)
    {
        _store.Configure(builder);
        if (key is not null)
        {
            builder.UseSetting("GraphLite:Paging:SkipTokenKey", key);
        }
    }
}
