using System.Net;
using System.Text.Json;
using GraphLite.Auth;
using GraphLite.Hosting;
using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.Auth;

public sealed class TokenCommandTests
{
    private string _folder = null!;

    [SetUp]
    public void SetUp() => _folder = TestDataFolders.CreateEmpty();

    [TearDown]
    public void TearDown() => TestDataFolders.Delete(_folder);

    [Test]
    public async Task Token_PrintsOnlyTheTokenOnStdout()
    {
        var result = await RunTokenAsync();

        result.ExitCode.Should().Be(0);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle();
        lines[0].Trim().Split('.').Should().HaveCount(3);
        result.StandardError.Should().Contain("valid until");
    }

    [Test]
    public async Task Token_GrantsEveryPermission_ByDefault()
    {
        var result = await RunTokenAsync();

        var payload = PayloadOf(result);
        payload.GetProperty("iss").GetString().Should().Be(OfflineTokenIssuer.Issuer);
        payload.GetProperty("aud").GetString().Should().Be(OfflineTokenIssuer.Audience);
        payload.GetProperty("sub").GetString().Should().Be(TokenRequest.DefaultSubject);
        payload.GetProperty("roles").EnumerateArray().Select(role => role.GetString()).Should().Equal(TestTokens.ReadWritePermission);
        (payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64()).Should().Be(3600);
        payload.TryGetProperty("scp", out _).Should().BeFalse();
    }

    [Test]
    public async Task Token_HonoursScopesLifetimeAndType()
    {
        var result = await RunTokenAsync(
            "--scopes", $"{TestTokens.ReadPermission},User.Read", "--lifetime", "90s", "--token-type", "delegated", "--subject", "alice", "--client", "app-1");

        result.ExitCode.Should().Be(0);
        var payload = PayloadOf(result);
        payload.GetProperty("scp").GetString().Should().Be($"{TestTokens.ReadPermission} User.Read");
        payload.TryGetProperty("roles", out _).Should().BeFalse();
        payload.GetProperty("sub").GetString().Should().Be("alice");
        payload.GetProperty("appid").GetString().Should().Be("app-1");
        (payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64()).Should().Be(90);
        result.StandardError.Should().Contain("GraphLite checks no permission named 'User.Read'");
    }

    [Test]
    public async Task Token_GrantsNothing_WithEmptyScopes()
    {
        var result = await RunTokenAsync("--scopes", "");

        result.ExitCode.Should().Be(0);
        PayloadOf(result).GetProperty("roles").GetArrayLength().Should().Be(0);
    }

    [Test]
    public async Task Token_CreatesKey_InEmptyFolder()
    {
        var result = await RunTokenAsync();

        result.ExitCode.Should().Be(0);
        var keyPath = Path.Combine(_folder, SigningKeyStore.FileName);
        File.Exists(keyPath).Should().BeTrue();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(keyPath).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [TestCase("--lifetime", "soon", "--lifetime 'soon' is not a lifetime")]
    [TestCase("--lifetime", "0s", "--lifetime '0s' is not a lifetime")]
    [TestCase("--lifetime", "400d", "--lifetime '400d' is not a lifetime")]
    [TestCase("--token-type", "robot", "--token-type 'robot' is invalid")]
    [TestCase("--scopes", "Bad Scope!", "'Scope!' is not a permission name")]
    [TestCase("--scope", "x", "Unknown option '--scope'")]
    public async Task Token_Exits2_WhenArgumentIsInvalid(string option, string value, string message)
    {
        var result = await RunTokenAsync(option, value);

        result.ExitCode.Should().Be(2);
        result.StandardOutput.Should().BeEmpty();
        result.StandardError.Should().Contain(message).And.Contain("Usage:");
    }

    [Test]
    public async Task Token_Exits1_InOidcMode()
    {
        var result = await RunTokenAsync("--GraphLite:Auth:Mode=Oidc", "--GraphLite:Auth:Authority=https://127.0.0.1:9/tenant");

        result.ExitCode.Should().Be(1);
        result.StandardOutput.Should().BeEmpty();
        result.StandardError.Should().Contain("GraphLite:Auth:Mode is Oidc");
        File.Exists(Path.Combine(_folder, SigningKeyStore.FileName)).Should().BeFalse();
    }

    [Test]
    public async Task Token_IsAccepted_BySharedFolderServer()
    {
        await using var server = await GraphLiteProcess.StartAsync($"--{DataFolder.ConfigurationKey}={_folder}");
        var full = (await RunTokenAsync()).StandardOutput.Trim();
        var readOnly = (await RunTokenAsync("--scopes", TestTokens.ReadPermission)).StandardOutput.Trim();
        using var fullClient = server.CreateGraphClient(full);
        using var readOnlyClient = server.CreateGraphClient(readOnly);

        var created = await fullClient.CreateAsync(Requests.Notification("from-the-command"));
        var denied = await readOnlyClient.CreateAsync(Requests.Notification("from-the-command"));
        var read = await readOnlyClient.GetAsync(Requests.SetPath);

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        await denied.ShouldBeGraphErrorAsync(HttpStatusCode.Forbidden, "Authorization_RequestDenied");
        read.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [TestCase("90s", 90)]
    [TestCase("30m", 1800)]
    [TestCase("2h", 7200)]
    [TestCase("1.5h", 5400)]
    [TestCase("7d", 604800)]
    [TestCase("01:30:00", 5400)]
    public void ParseLifetime_ReadsUnits(string text, int seconds)
    {
        TokenCommand.ParseLifetime(text).Should().Be(TimeSpan.FromSeconds(seconds));
    }

    [TestCase("")]
    [TestCase("soon")]
    [TestCase("-5m")]
    [TestCase("NaNs")]
    public void ParseLifetime_ReturnsNull_ForInvalidText(string text)
    {
        TokenCommand.ParseLifetime(text).Should().BeNull();
    }

    private Task<CommandResult> RunTokenAsync(params string[] arguments) =>
        GraphLiteProcess.RunCommandAsync(["token", $"--{DataFolder.ConfigurationKey}={_folder}", .. arguments]);

    private static JsonElement PayloadOf(CommandResult result)
    {
        using var document = JsonDocument.Parse(TestTokens.Payload(result.StandardOutput.Trim()));
        return document.RootElement.Clone();
    }
}
