using System.Net;
using GraphLite.Logging;
using GraphLite.Tests.Batch;
using GraphLite.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace GraphLite.Tests.Logging;

public sealed class RequestLoggingTests
{
    private GraphLiteFactory _baseFactory = null!;

    [SetUp]
    public void SetUp() => _baseFactory = new GraphLiteFactory();

    [TearDown]
    public void TearDown() => _baseFactory.Dispose();

    [Test]
    public async Task Request_LogsOneLine_WithIds()
    {
        var capture = new CapturingLoggerProvider();
        using var factory = WithCapture(capture, verbose: false);
        using var client = factory.CreateGraphClient();
        var startupEntries = capture.Entries.Count;

        var response = await client.CreateAsync(Requests.Notification("logged"));

        var lines = RequestLines(capture);
        lines.Should().ContainSingle();
        var line = lines[0];
        line.Level.Should().Be(LogLevel.Information);
        line.Values["Method"].Should().Be("POST");
        line.Values["Path"].Should().Be("/v1.0/participantLeftNotifications");
        line.Values["StatusCode"].Should().Be(201);
        line.Values["RequestId"].Should().Be(response.Header("request-id"));
        line.Values["ClientRequestId"].Should().Be(response.Header("client-request-id"));
        ((double)line.Values["ElapsedMilliseconds"]!).Should().BeGreaterThanOrEqualTo(0);
        capture.Entries.Skip(startupEntries).Where(entry => entry.Level >= LogLevel.Information).Should().ContainSingle(
            "every request writes exactly one line at Information").Which.EventId.Should().Be(60);
    }

    [Test]
    public async Task Error_LogsInnerErrorRequestId()
    {
        var capture = new CapturingLoggerProvider();
        using var factory = WithCapture(capture, verbose: false);
        using var client = factory.CreateGraphClient(accessToken: null);

        var response = await client.GetAsync(Requests.SetPath);

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.Unauthorized, "InvalidAuthenticationToken");
        var line = RequestLines(capture).Single();
        line.Values["StatusCode"].Should().Be(401);
        line.Values["RequestId"].Should().Be(error.GetProperty("innerError").GetProperty("request-id").GetString());
    }

    [Test]
    public async Task Logs_OmitTokenAndBody()
    {
        var capture = new CapturingLoggerProvider();
        using var factory = WithCapture(capture, verbose: true);
        var token = factory.CreateAccessToken(TestTokens.ReadWritePermission);
        using var client = factory.CreateGraphClient(token);
        using var badClient = factory.CreateGraphClient(token + "tampered");

        await client.CreateAsync(Requests.Notification("secret-participant-7"));
        await badClient.CreateAsync(Requests.Notification("secret-participant-8"));
        await client.PostAsync(Requests.SetPath, Requests.Json("""{"participantId":"secret-participant-9","unknown":1}"""));

        capture.Entries.Should().NotBeEmpty();
        foreach (var entry in capture.Entries)
        {
            var text = $"{entry.Message} {string.Join(' ', entry.Values.Values)} {entry.Exception}";
            text.Should().NotContain(token.Split('.')[2]).And.NotContain("secret-participant");
        }
    }

    [Test]
    public async Task EntityFrameworkSaves_AreFilteredOut()
    {
        var everything = new CapturingLoggerProvider();
        var filtered = new CapturingLoggerProvider();
        using var verboseFactory = WithCapture(everything, verbose: true);
        using var filteredBase = new GraphLiteFactory();
        using var filteredFactory = filteredBase.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(filtered)));
        using var verboseClient = verboseFactory.CreateGraphClient();
        using var filteredClient = filteredFactory.CreateGraphClient();

        await verboseClient.CreateAsync(Requests.Notification("saved"));
        await filteredClient.CreateAsync(Requests.Notification("saved"));

        everything.Entries.Should().Contain(entry => entry.Category == "Microsoft.EntityFrameworkCore.Update" && entry.Level == LogLevel.Information,
            "EF Core logs each save at Information when nothing filters it");
        filtered.Entries.Should().NotContain(entry => entry.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            && entry.Level < LogLevel.Warning);
    }

    [Test]
    public async Task BatchItems_AreLoggedWithBatchRequestId()
    {
        var capture = new CapturingLoggerProvider();
        using var factory = WithCapture(capture, verbose: false);
        using var client = factory.CreateGraphClient();

        var response = await client.SendBatchAsync("""{"requests":[{"id":"item-1","method":"GET","url":"/participantLeftNotifications"}]}""");

        var batchRequestId = response.Header("request-id");
        var item = capture.Entries.Single(entry => entry.EventId == 62);
        item.Values["BatchItemId"].Should().Be("item-1");
        item.Values["BatchRequestId"].Should().Be(batchRequestId);
        RequestLines(capture).Single().Values["Path"].Should().Be("/v1.0/$batch");
    }

    [Test]
    public async Task HealthRequests_AreLoggedAtDebug()
    {
        var capture = new CapturingLoggerProvider();
        using var factory = WithCapture(capture, verbose: true);
        using var client = factory.CreateGraphClient(accessToken: null);

        await client.GetAsync("/health/live");

        capture.Entries.Single(entry => entry.EventId == 61).Level.Should().Be(LogLevel.Debug);
        RequestLines(capture).Should().BeEmpty();
    }

    private static List<CapturedLogEntry> RequestLines(CapturingLoggerProvider capture) =>
        capture.Entries.Where(entry => entry.Category == typeof(RequestLoggingMiddleware).FullName && entry.EventId == 60).ToList();

    /// <summary>
    /// Adds the capture. Verbose captures every level of every category; otherwise the capture receives what the
    /// configured filters let through, as the console does.
    /// </summary>
    private WebApplicationFactory<Program> WithCapture(CapturingLoggerProvider capture, bool verbose) =>
        _baseFactory.WithWebHostBuilder(builder => builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(capture);
            if (verbose)
            {
                logging.AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace);
            }
        }));
}
