using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace GraphLite.Auth;

/// <summary>
/// Sets up JwtBearer from <see cref="AuthOptions"/>: the data folder's key in offline mode, the issuer's
/// discovery document in OIDC mode. Claim names stay as in the token (<c>roles</c>, <c>scp</c>, <c>sub</c>).
/// </summary>
public sealed class ConfigureGraphBearerOptions(IOptions<AuthOptions> authOptions, IServiceProvider services)
    : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        if (name != JwtBearerDefaults.AuthenticationScheme)
        {
            return;
        }

        var settings = authOptions.Value;
        options.MapInboundClaims = false;
        options.IncludeErrorDetails = false;
        options.EventsType = typeof(GraphBearerEvents);
        options.TokenValidationParameters.NameClaimType = "sub";
        options.TokenValidationParameters.RoleClaimType = GraphPermissions.RolesClaim;
        options.TokenValidationParameters.RequireExpirationTime = true;
        options.TokenValidationParameters.RequireSignedTokens = true;

        // The token handlers compare lifetimes with the system clock, so the cache does too.
        for (var index = 0; index < options.TokenHandlers.Count; index++)
        {
            options.TokenHandlers[index] = new CachingTokenHandler(options.TokenHandlers[index], TimeProvider.System);
        }

        if (settings.Mode == AuthMode.Oidc)
        {
            // NOTE: A multi-tenant authority such as common is not supported. Its discovery document names the
            // issuer with a {tenantid} placeholder, and JwtBearer compares it to each token's issuer unchanged.
            options.Authority = settings.Authority;
            options.Audience = settings.Audience;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            if (!string.IsNullOrEmpty(settings.MetadataAddress))
            {
                options.MetadataAddress = settings.MetadataAddress;
            }

            return;
        }

        var signingKey = services.GetRequiredService<SigningKey>();
        options.TokenValidationParameters.ValidIssuer = OfflineTokenIssuer.Issuer;
        options.TokenValidationParameters.ValidAudiences = [OfflineTokenIssuer.Audience, AuthOptions.GraphAppId];
        options.TokenValidationParameters.IssuerSigningKey = signingKey.Key;
        options.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256];

        // The token command and the server share the machine's clock, so a token expires exactly at its exp. The
        // OIDC mode keeps JwtBearer's default of 5 minutes for clocks of other machines.
        options.TokenValidationParameters.ClockSkew = TimeSpan.Zero;
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);
}
