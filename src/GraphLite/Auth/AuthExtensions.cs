using GraphLite.Hosting;
using GraphLite.Model;
using GraphLite.OData;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GraphLite.Auth;

/// <summary>
/// Registers bearer token authentication and Graph permissions, on unless <c>GraphLite:Auth:Enabled</c> is false.
/// </summary>
public static partial class AuthExtensions
{
    /// <summary>The command-line switch that turns authentication off for a purely local session.</summary>
    public const string NoAuthSwitch = "--no-auth";

    /// <summary>Replaces <c>--no-auth</c> with the setting it stands for, which the configuration reads.</summary>
    public static string[] ExpandSwitches(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return [.. args.Select(argument => argument.Equals(NoAuthSwitch, StringComparison.OrdinalIgnoreCase)
            ? $"--{AuthOptions.SectionName}:{nameof(AuthOptions.Enabled)}=false"
            : argument)];
    }

    public static WebApplicationBuilder AddGraphAuth(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.TryAddSingleton(provider => DataFolder.FromConfiguration(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton(_ => new GraphPermissions(GraphModel.Instance, ODataExtensions.RoutePrefix));
        services.AddSingleton(provider => SigningKeyStore.LoadOrCreate(provider.GetRequiredService<DataFolder>()));
        services.AddSingleton<OfflineTokenIssuer>();
        services.AddScoped<GraphBearerEvents>();

        var settings = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        if (!settings.Enabled)
        {
            services.AddAuthentication();
            services.AddAuthorization();
            SkipDataProtectionWarmUp(services);
            return builder;
        }

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        SkipDataProtectionWarmUp(services);
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, ConfigureGraphBearerOptions>();
        services.AddSingleton<IAuthorizationHandler, GraphPermissionHandler>();
        services.AddAuthorization(options =>
            options.FallbackPolicy = new AuthorizationPolicyBuilder().AddRequirements(new GraphPermissionRequirement()).Build());
        return builder;
    }

    /// <summary>
    /// Keeps ASP.NET Core Data Protection, which AddAuthentication registers, from creating a key ring at start-up.
    /// </summary>
    /// <remarks>
    /// Bearer tokens never use Data Protection, but its hosted service writes a key to <c>~/.aspnet</c> when the
    /// host starts. Should anything use it later, its keys go to the data folder instead.
    /// </remarks>
    private static void SkipDataProtectionWarmUp(IServiceCollection services)
    {
        var warmUp = services.Where(descriptor => descriptor.ServiceType == typeof(IHostedService)
            && descriptor.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService").ToList();
        foreach (var descriptor in warmUp)
        {
            services.Remove(descriptor);
        }

        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(provider.GetRequiredService<DataFolder>().FilePath("data-protection-keys")),
                provider.GetRequiredService<ILoggerFactory>())));
    }

    /// <summary>
    /// Reads the settings and, in offline mode, the signing key before the server listens, so that a bad setting or
    /// an unreadable key stops start-up. Logs the mode, with a warning when authentication is off.
    /// </summary>
    public static WebApplication UseGraphAuthentication(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        var settings = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuthExtensions).FullName!);
        if (!settings.Enabled)
        {
            LogAuthenticationOff(logger, NoAuthSwitch);
        }
        else if (settings.Mode == AuthMode.Offline)
        {
            var key = app.Services.GetRequiredService<SigningKey>();
            LogOfflineMode(logger, key.KeyId, key.Path);
        }
        else
        {
            LogOidcMode(logger, settings.Authority, settings.Audience);
        }

        app.UseAuthentication();
        return app;
    }

    public static WebApplication UseGraphAuthorization(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.UseAuthorization();
        return app;
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning,
        Message = "Authentication is off ({NoAuthSwitch} or GraphLite:Auth:Enabled=false): every request runs with full permissions, without a token. Use this for a purely local session only.")]
    private static partial void LogAuthenticationOff(ILogger logger, string noAuthSwitch);

    [LoggerMessage(EventId = 31, Level = LogLevel.Information,
        Message = "Bearer tokens are checked against the offline signing key {KeyId} in {KeyPath}. Get a token with: dotnet run --project src/GraphLite -- token")]
    private static partial void LogOfflineMode(ILogger logger, string keyId, string keyPath);

    [LoggerMessage(EventId = 32, Level = LogLevel.Information,
        Message = "Bearer tokens are checked against the OIDC issuer {Authority} for the audience {Audience}")]
    private static partial void LogOidcMode(ILogger logger, string? authority, string? audience);
}
