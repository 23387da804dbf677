using GraphLite.Tests.Infrastructure;

namespace GraphLite.Conformance;

/// <summary>
/// The live GraphLite that every conformance test calls: the server named by <c>GRAPHLITE_URL</c> (a service
/// root such as <c>http://127.0.0.1:5980/v1.0</c>), or else a GraphLite process this fixture starts on a free
/// loopback port. The bearer token is <c>GRAPHLITE_TOKEN</c> for a named server, and one with every permission that
/// the started process signs otherwise.
/// </summary>
[SetUpFixture]
public sealed class LiveServer
{
    private const string FullAccess = "ParticipantLeftNotification.ReadWrite.All";

    private static GraphLiteProcess? s_process;
    private static string? s_serviceRoot;
    private static string s_token = string.Empty;

    /// <summary>The service root without a trailing slash, e.g. <c>http://127.0.0.1:41234/v1.0</c>.</summary>
    public static string ServiceRoot => s_serviceRoot ?? throw new InvalidOperationException("The live server has not started.");

    public static string Token => s_token;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable("GRAPHLITE_URL");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            s_serviceRoot = configured.TrimEnd('/');
            s_token = Environment.GetEnvironmentVariable("GRAPHLITE_TOKEN") ?? string.Empty;
            return;
        }

        s_process = await GraphLiteProcess.StartAsync();
        s_serviceRoot = new Uri(s_process.BaseAddress, "v1.0").ToString();
        s_token = s_process.CreateAccessToken(FullAccess);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (s_process is not null)
        {
            await s_process.DisposeAsync();
            s_process = null;
        }

        TestDataFolders.DeleteKeyTemplate();
    }

    /// <summary>Returns a key that no other test or run uses, so every test owns its data.</summary>
    public static string UniqueId(string prefix) => $"{prefix}-{Guid.NewGuid()}";
}
