using GraphLite.Hosting;
using Microsoft.AspNetCore.Builder;

namespace GraphLite.Tests.Hosting;

public sealed class DefaultAddressTests
{
    [Test]
    public void Defaults_ServeHttpAndHttps_WithoutUrls()
    {
        Assume.That(Environment.GetEnvironmentVariable("ASPNETCORE_URLS"), Is.Null, "ASPNETCORE_URLS names addresses on this machine.");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });

        builder.UseGraphLiteDefaults();

        builder.Configuration["urls"].Should().Be("http://127.0.0.1:5080;https://127.0.0.1:5443");
    }

    [Test]
    public void Defaults_KeepGivenUrls()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = ["--urls", "https://127.0.0.1:7443;http://127.0.0.1:7080"] });

        builder.UseGraphLiteDefaults();

        builder.Configuration["urls"].Should().Be("https://127.0.0.1:7443;http://127.0.0.1:7080");
    }
}
