using GraphLite.Auth;
using GraphLite.Hosting;
using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.Auth;

public sealed class SigningKeyStoreTests
{
    private string _folder = null!;

    [SetUp]
    public void SetUp() => _folder = TestDataFolders.CreateEmpty();

    [TearDown]
    public void TearDown() => TestDataFolders.Delete(_folder);

    [Test]
    public void LoadOrCreate_CreatesOwnerOnlyKey()
    {
        var key = SigningKeyStore.LoadOrCreate(new DataFolder(_folder));

        key.Path.Should().Be(Path.Combine(_folder, SigningKeyStore.FileName));
        File.ReadAllText(key.Path).Should().StartWith("-----BEGIN PRIVATE KEY-----");
        key.Key.Rsa.KeySize.Should().Be(2048);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(key.Path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Test]
    public void LoadOrCreate_KeepsKey_AcrossStarts()
    {
        var first = SigningKeyStore.LoadOrCreate(new DataFolder(_folder));

        var second = SigningKeyStore.LoadOrCreate(new DataFolder(_folder));

        second.KeyId.Should().Be(first.KeyId);
    }

    [Test]
    public async Task LoadOrCreate_SharesKey_WhenConcurrent()
    {
        var folder = new DataFolder(_folder);

        var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => SigningKeyStore.LoadOrCreate(folder))));

        keys.Select(key => key.KeyId).Distinct().Should().ContainSingle();
        Directory.GetFiles(_folder).Should().Equal(Path.Combine(_folder, SigningKeyStore.FileName));
    }

    [Test]
    [Platform(Exclude = "Win")]
    public void Load_TightensMode_WhenOthersCanRead()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var key = SigningKeyStore.LoadOrCreate(new DataFolder(_folder));
        File.SetUnixFileMode(key.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        SigningKeyStore.Load(key.Path);

        File.GetUnixFileMode(key.Path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Test]
    public void Load_Throws_WhenFileIsNotAKey()
    {
        var path = Path.Combine(_folder, SigningKeyStore.FileName);
        File.WriteAllText(path, "not a key");

        var act = () => SigningKeyStore.Load(path);

        act.Should().Throw<InvalidOperationException>().WithMessage($"The token signing key '{path}' is not a PEM RSA private key.*");
    }

    [Test]
    public void Startup_Fails_WhenKeyFileIsCorrupt()
    {
        File.WriteAllText(Path.Combine(_folder, SigningKeyStore.FileName), "-----BEGIN PRIVATE KEY-----\nbroken\n-----END PRIVATE KEY-----\n");
        using var baseFactory = new GraphLiteFactory();
        using var factory = baseFactory.WithWebHostBuilder(builder => builder.UseSetting(DataFolder.ConfigurationKey, _folder));

        var act = () => factory.CreateGraphClient(accessToken: null);

        act.Should().Throw<InvalidOperationException>().WithMessage("*token-signing-key.pem' is not a PEM RSA private key*");
    }

    [Test]
    public async Task TokenCommand_SharesKey_WhenProcessesRace()
    {
        var dataFolder = $"--{DataFolder.ConfigurationKey}={_folder}";

        var results = await Task.WhenAll(GraphLiteProcess.RunCommandAsync("token", dataFolder), GraphLiteProcess.RunCommandAsync("token", dataFolder));

        results.Select(result => result.ExitCode).Should().Equal(0, 0);
        Directory.GetFiles(_folder).Should().Equal(Path.Combine(_folder, SigningKeyStore.FileName));
        var key = SigningKeyStore.Load(Path.Combine(_folder, SigningKeyStore.FileName));
        foreach (var result in results)
        {
            var validation = await new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().ValidateTokenAsync(
                result.StandardOutput.Trim(),
                new Microsoft.IdentityModel.Tokens.TokenValidationParameters
                {
                    ValidIssuer = OfflineTokenIssuer.Issuer,
                    ValidAudience = OfflineTokenIssuer.Audience,
                    IssuerSigningKey = key.Key,
                });
            validation.IsValid.Should().BeTrue(validation.Exception?.Message);
        }
    }
}
