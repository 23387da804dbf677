using System.Security.Cryptography;
using GraphLite.Commands;
using GraphLite.Https;
using GraphLite.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace GraphLite.Tests.Https;

[NonParallelizable]
public sealed class CertificateCommandTests
{
    private TemporaryFolder _folder = null!;
    private StringWriter _output = null!;
    private StringWriter _error = null!;
    private TextWriter _originalOutput = null!;
    private TextWriter _originalError = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = new TemporaryFolder();
        _output = new StringWriter();
        _error = new StringWriter();
        _originalOutput = Console.Out;
        _originalError = Console.Error;
        Console.SetOut(_output);
        Console.SetError(_error);
    }

    [TearDown]
    public void TearDown()
    {
        Console.SetOut(_originalOutput);
        Console.SetError(_originalError);
        _output.Dispose();
        _error.Dispose();
        _folder.Dispose();
    }

    [Test]
    public async Task Export_WritesAuthorityPemWithoutKey()
    {
        var target = _folder.File("graphlite-ca.pem");

        var exitCode = await CommandLine.TryRunAsync(["cert", "export", target, "--GraphLite:DataFolder", _folder.File("data")]);

        exitCode.Should().Be(0);
        var stored = LocalCertificateFile.Read(Path.Combine(_folder.File("data"), LocalCertificateStore.FileName));
        var exported = File.ReadAllText(target);
        exported.Should().Be(stored.Authority.ExportCertificatePem() + "\n");
        exported.Should().NotContain("PRIVATE KEY");
        _output.ToString().Should().Be($"Wrote the certificate authority {stored.Authority.Subject} (valid until "
            + $"{stored.Authority.NotAfter.ToUniversalTime():u}) to {target}.{Environment.NewLine}");
    }

    [Test]
    public async Task Export_ReusesStoredAuthority_OnEveryRun()
    {
        string[] arguments = ["cert", "export", _folder.File("first.pem"), "--GraphLite:DataFolder", _folder.File("data")];
        await CommandLine.TryRunAsync(arguments);

        var exitCode = await CommandLine.TryRunAsync(["cert", "export", _folder.File("second.pem"), "--GraphLite:DataFolder", _folder.File("data")]);

        exitCode.Should().Be(0);
        File.ReadAllText(_folder.File("second.pem")).Should().Be(File.ReadAllText(_folder.File("first.pem")));
    }

    [TestCase]
    [TestCase("export")]
    [TestCase("import", "ca.pem")]
    [TestCase("export", "a.pem", "b.pem")]
    public async Task Cert_ReturnsUsage_WhenArgumentsAreWrong(params string[] arguments)
    {
        var exitCode = await new CertificateCommand().RunAsync(arguments, new ConfigurationBuilder().Build());

        exitCode.Should().Be(2);
        _error.ToString().Should().StartWith("Usage: cert export <path> [--GraphLite:DataFolder <folder>]");
    }

    [Test]
    public async Task Export_Fails_WhenTargetFolderDoesNotExist()
    {
        var target = Path.Combine(_folder.File("missing"), "graphlite-ca.pem");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("GraphLite:DataFolder", _folder.File("data"))])
            .Build();

        var exitCode = await new CertificateCommand().RunAsync(["export", target], configuration);

        exitCode.Should().Be(1);
        _error.ToString().Should().StartWith($"Exporting the certificate authority to {target} failed: ");
        File.Exists(target).Should().BeFalse();
    }

    [Test]
    public async Task Export_WritesPemThatLoadsAsCertificate()
    {
        var target = _folder.File("graphlite-ca.pem");

        await CommandLine.TryRunAsync(["cert", "export", target, "--GraphLite:DataFolder", _folder.File("data")]);

        var pem = File.ReadAllText(target);
        PemEncoding.TryFind(pem, out var fields).Should().BeTrue();
        pem[fields.Label].ToString().Should().Be("CERTIFICATE");
    }
}
