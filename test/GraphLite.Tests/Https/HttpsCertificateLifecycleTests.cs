using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GraphLite.Https;
using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.Https;

/// <summary>Which certificate a GraphLite process serves across restarts, and when it creates one at all.</summary>
[NonParallelizable]
public sealed class HttpsCertificateLifecycleTests
{
    private TemporaryFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TemporaryFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    public async Task Restart_WithSameDataFolder_ServesSameCertificate()
    {
        var dataFolder = _folder.File("data");
        string firstThumbprint;
        X509Certificate2 authority;
        await using (var first = await GraphLiteProcess.StartWithHttpsAsync(dataFolder))
        {
            authority = await first.ExportAuthorityAsync(_folder.File("graphlite-ca.pem"));
            using var served = await TlsProbe.ServerCertificateAsync(first.HttpsBaseAddress!, authority);
            firstThumbprint = served.Thumbprint;
        }

        await using var second = await GraphLiteProcess.StartWithHttpsAsync(dataFolder);
        using var servedAgain = await TlsProbe.ServerCertificateAsync(second.HttpsBaseAddress!, authority);

        servedAgain.Thumbprint.Should().Be(firstThumbprint);
    }

    [Test]
    public async Task KestrelDefaultCertificate_ReplacesGraphLitesCertificate()
    {
        using var own = SelfSignedLoopbackCertificate();
        File.WriteAllText(_folder.File("own.pem"), own.ExportCertificatePem());
        using (var key = own.GetECDsaPrivateKey()!)
        {
            File.WriteAllText(_folder.File("own-key.pem"), key.ExportPkcs8PrivateKeyPem());
        }

        var dataFolder = _folder.File("data");
        await using var server = await GraphLiteProcess.StartWithHttpsAsync(dataFolder,
            "--Kestrel:Certificates:Default:Path", _folder.File("own.pem"),
            "--Kestrel:Certificates:Default:KeyPath", _folder.File("own-key.pem"));
        using var served = await TlsProbe.ServerCertificateAsync(server.HttpsBaseAddress!, own);

        served.Thumbprint.Should().Be(own.Thumbprint);
        File.Exists(Path.Combine(dataFolder, LocalCertificateStore.FileName)).Should().BeFalse();
    }

    [Test]
    public async Task HttpOnlyServer_CreatesNoCertificate()
    {
        var dataFolder = _folder.File("data");
        await using var server = await GraphLiteProcess.StartAsync("--GraphLite:DataFolder", dataFolder);
        using var client = server.CreateClient(server.BaseAddress);

        var response = await client.CreateAsync(Requests.Notification("plain"));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        File.Exists(Path.Combine(dataFolder, LocalCertificateStore.FileName)).Should().BeFalse();
    }

    [Test]
    public async Task CertExport_ConcurrentRuns_ShareAuthority()
    {
        var dataFolder = _folder.File("data");

        var results = await Task.WhenAll(
            GraphLiteProcess.RunCommandAsync("cert", "export", _folder.File("first.pem"), "--GraphLite:DataFolder", dataFolder),
            GraphLiteProcess.RunCommandAsync("cert", "export", _folder.File("second.pem"), "--GraphLite:DataFolder", dataFolder));

        results.Select(result => result.ExitCode).Should().Equal(0, 0);
        var stored = LocalCertificateFile.Read(Path.Combine(dataFolder, LocalCertificateStore.FileName));
        using var first = X509CertificateLoader.LoadCertificateFromFile(_folder.File("first.pem"));
        using var second = X509CertificateLoader.LoadCertificateFromFile(_folder.File("second.pem"));
        first.Thumbprint.Should().Be(stored.Authority.Thumbprint);
        second.Thumbprint.Should().Be(stored.Authority.Thumbprint);
    }

    private static X509Certificate2 SelfSignedLoopbackCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=own loopback certificate", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddHours(-1), now.AddDays(7));
    }
}
