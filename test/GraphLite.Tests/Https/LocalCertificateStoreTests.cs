using System.Runtime.Versioning;
using System.Security.Cryptography.X509Certificates;
using GraphLite.Hosting;
using GraphLite.Https;
using GraphLite.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace GraphLite.Tests.Https;

public sealed class LocalCertificateStoreTests
{
    private static readonly DateTimeOffset s_start = new(2026, 12, 4, 21, 0, 0, TimeSpan.Zero);

    private TemporaryFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TemporaryFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    public void GetOrCreate_CreatesPair_WhenFolderEmpty()
    {
        var certificates = Store(s_start).GetOrCreate();

        File.Exists(_folder.File(LocalCertificateStore.FileName)).Should().BeTrue();
        certificates.Server.Subject.Should().Be("CN=localhost");
        certificates.Server.HasPrivateKey.Should().BeTrue();
        certificates.Server.NotAfter.ToUniversalTime().Should().Be((s_start + LocalCertificateIssuer.ServerLifetime).UtcDateTime);
        certificates.Server.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single()
            .EnumerateDnsNames().Should().Equal("localhost");
        certificates.Server.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single()
            .EnumerateIPAddresses().Select(address => address.ToString()).Should().Equal("127.0.0.1", "::1");
        certificates.Server.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single()
            .EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Select(oid => oid.Value).Should().Equal("1.3.6.1.5.5.7.3.1");
        certificates.Authority.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority.Should().BeTrue();
        ChainStatus(certificates.Server, certificates.Authority, s_start).Should().BeEmpty();
    }

    [Test]
    public void GetOrCreate_ReusesStoredPair()
    {
        var first = Store(s_start).GetOrCreate();

        var second = Store(s_start + TimeSpan.FromDays(100)).GetOrCreate();

        second.Server.Thumbprint.Should().Be(first.Server.Thumbprint);
        second.Authority.Thumbprint.Should().Be(first.Authority.Thumbprint);
    }

    [Test]
    public void GetOrCreate_RenewsServer_NearExpiry()
    {
        var first = Store(s_start).GetOrCreate();
        var later = s_start + LocalCertificateIssuer.ServerLifetime - TimeSpan.FromDays(20);

        var renewed = Store(later).GetOrCreate();

        renewed.Server.Thumbprint.Should().NotBe(first.Server.Thumbprint);
        renewed.Authority.Thumbprint.Should().Be(first.Authority.Thumbprint);
        renewed.Server.NotAfter.ToUniversalTime().Should().Be((later + LocalCertificateIssuer.ServerLifetime).UtcDateTime);
        ChainStatus(renewed.Server, first.Authority, later).Should().BeEmpty();
        Store(later).GetOrCreate().Server.Thumbprint.Should().Be(renewed.Server.Thumbprint, "the renewed certificate was stored");
    }

    [Test]
    public void GetOrCreate_ReplacesAuthority_NearExpiry()
    {
        var first = Store(s_start).GetOrCreate();
        var later = s_start + LocalCertificateIssuer.AuthorityLifetime - TimeSpan.FromDays(10);

        var replaced = Store(later).GetOrCreate();

        replaced.Authority.Thumbprint.Should().NotBe(first.Authority.Thumbprint);
        replaced.Authority.NotAfter.ToUniversalTime().Should().Be((later + LocalCertificateIssuer.AuthorityLifetime).UtcDateTime);
        ChainStatus(replaced.Server, replaced.Authority, later).Should().BeEmpty();
    }

    [Test]
    public async Task GetOrCreate_ConcurrentStarts_StoreOnePair()
    {
        const int starts = 8;
        using var barrier = new Barrier(starts);

        // Each start has its own store, as separate processes would; the barrier releases them together.
        var tasks = Enumerable.Range(0, starts)
            .Select(_ => Task.Factory.StartNew(() =>
            {
                var store = Store(s_start);
                if (!barrier.SignalAndWait(TimeSpan.FromSeconds(30)))
                {
                    throw new TimeoutException("Not every start reached the barrier.");
                }

                return store.GetOrCreate();
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        var results = await Task.WhenAll(tasks);

        var stored = LocalCertificateFile.Read(_folder.File(LocalCertificateStore.FileName));
        results.Select(result => result.Authority.Thumbprint).Should().AllBe(stored.Authority.Thumbprint);
        results.Select(result => result.Server.Thumbprint).Should().AllBe(stored.Server.Thumbprint);
        Directory.GetFiles(_folder.Path).Select(Path.GetFileName).Should().Equal(LocalCertificateStore.FileName);
    }

    [Test]
    public void GetOrCreate_Throws_WhenFileCorrupt()
    {
        var path = _folder.File(LocalCertificateStore.FileName);
        File.WriteAllText(path, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");

        var act = () => Store(s_start).GetOrCreate();

        act.Should().Throw<InvalidOperationException>()
            .WithMessage($"GraphLite could not read its HTTPS certificate file '{path}': it holds the PEM blocks [CERTIFICATE]*Delete the file*Kestrel:Certificates:Default*");
        File.ReadAllText(path).Should().Contain("AAAA", "a file that clients may trust is never overwritten silently");
    }

    [Test]
    [Platform(Exclude = "Win", Reason = "Unix file modes do not exist on Windows.")]
    [UnsupportedOSPlatform("windows")]
    public void GetOrCreate_WritesFileReadableByOwnerOnly()
    {
        Store(s_start).GetOrCreate();

        File.GetUnixFileMode(_folder.File(LocalCertificateStore.FileName)).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Test]
    [Platform(Exclude = "Win", Reason = "Unix file modes do not exist on Windows.")]
    [UnsupportedOSPlatform("windows")]
    public void GetOrCreate_RestoresOwnerOnlyMode()
    {
        Store(s_start).GetOrCreate();
        var path = _folder.File(LocalCertificateStore.FileName);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        Store(s_start).GetOrCreate();

        File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Test]
    public void Authority_RejectsOtherHosts()
    {
        var authority = Store(s_start).GetOrCreate().Authority;
        using var key = System.Security.Cryptography.ECDsa.Create();
        var request = new CertificateRequest("CN=graph.example.test", key, System.Security.Cryptography.HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("graph.example.test");
        request.CertificateExtensions.Add(names.Build());
        using var forged = request.Create(authority, s_start, s_start + TimeSpan.FromDays(30), [1, 2, 3, 4]);

        var status = ChainStatus(forged, authority, s_start);

        status.Should().Contain(X509ChainStatusFlags.HasNotPermittedNameConstraint);
    }

    [Test]
    public void ServerCertificate_EndsWithAuthority()
    {
        var authority = LocalCertificateIssuer.CreateAuthority(s_start);
        var late = s_start + LocalCertificateIssuer.AuthorityLifetime - TimeSpan.FromDays(5);

        using var server = LocalCertificateIssuer.CreateServerCertificate(authority, late);

        server.NotAfter.Should().Be(authority.NotAfter);
    }

    private LocalCertificateStore Store(DateTimeOffset now) =>
        new(new DataFolder(_folder.Path), new FixedTimeProvider(now), NullLogger<LocalCertificateStore>.Instance);

    /// <summary>Builds the chain as a client that trusts only <paramref name="authority"/> would, at <paramref name="at"/>.</summary>
    private static X509ChainStatusFlags[] ChainStatus(X509Certificate2 server, X509Certificate2 authority, DateTimeOffset at)
    {
        using var chain = new X509Chain { ChainPolicy = TlsProbe.TrustOnly(authority) };
        chain.ChainPolicy.VerificationTime = (at + TimeSpan.FromHours(1)).UtcDateTime;
        chain.Build(server);
        return chain.ChainStatus.Select(status => status.Status).ToArray();
    }
}
