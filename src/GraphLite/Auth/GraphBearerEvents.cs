using GraphLite.Errors;
using GraphLite.Http;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace GraphLite.Auth;

/// <summary>
/// Writes the responses to authentication failures as Graph does: 401 <c>InvalidAuthenticationToken</c> with Graph's message and
/// WWW-Authenticate header, 403 <c>Authorization_RequestDenied</c> for a token without the needed permission.
/// </summary>
public sealed partial class GraphBearerEvents(IOptions<AuthOptions> options, ILogger<GraphBearerEvents> logger) : JwtBearerEvents
{
    public const string InsufficientPrivileges = "Insufficient privileges to complete the operation.";

    private static readonly TimeSpan s_discoveryWait = TimeSpan.FromSeconds(2);

    public override Task AuthenticationFailed(AuthenticationFailedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var message = TokenFailureMessages.For(context.Exception);
        var requestId = RequestIds.Of(context.HttpContext).RequestId;
        if (message == TokenFailureMessages.ValidationFailure && context.Exception is InvalidOperationException)
        {
            // IdentityModel reports a discovery document or key set it could not fetch as InvalidOperationException.
            LogIssuerUnreachable(logger, context.Exception, requestId);
        }
        else
        {
            LogTokenRejected(logger, requestId, message);
        }

        return Task.CompletedTask;
    }

    public override async Task Challenge(JwtBearerChallengeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        context.HandleResponse();
        var authorizationUri = await AuthorizationUriAsync(context);
        context.Response.Headers.WWWAuthenticate =
            $"Bearer realm=\"\", authorization_uri=\"{authorizationUri}\", client_id=\"{options.Value.ChallengeClientId}\"";
        var message = TokenFailureMessages.For(context.AuthenticateFailure);
        await GraphErrorWriter.WriteAsync(
            context.HttpContext,
            new GraphError(StatusCodes.Status401Unauthorized, GraphErrorCodes.InvalidAuthenticationToken, message));
    }

    public override Task Forbidden(ForbiddenContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var requestId = RequestIds.Of(context.HttpContext).RequestId;
        LogForbidden(logger, requestId, context.Request.Method, context.Request.Path);
        return GraphErrorWriter.WriteAsync(
            context.HttpContext,
            new GraphError(StatusCodes.Status403Forbidden, GraphErrorCodes.AuthorizationRequestDenied, InsufficientPrivileges));
    }

    /// <summary>
    /// Returns the configured URI, else the issuer's authorization endpoint from its discovery document (OIDC mode),
    /// else the authority or the offline issuer.
    /// </summary>
    private async Task<string> AuthorizationUriAsync(JwtBearerChallengeContext context)
    {
        var settings = options.Value;
        if (!string.IsNullOrEmpty(settings.ChallengeAuthorizationUri))
        {
            return settings.ChallengeAuthorizationUri;
        }

        if (settings.Mode == AuthMode.Offline)
        {
            return OfflineTokenIssuer.Issuer;
        }

        if (context.Options.ConfigurationManager is { } manager)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.HttpContext.RequestAborted);
            timeout.CancelAfter(s_discoveryWait);
            try
            {
                var configuration = await manager.GetConfigurationAsync(timeout.Token);
                if (!string.IsNullOrEmpty(configuration.AuthorizationEndpoint))
                {
                    return configuration.AuthorizationEndpoint;
                }
            }
            catch (Exception exception) when (exception is InvalidOperationException or OperationCanceledException or HttpRequestException)
            {
                // The header still names the authority; the failure itself is logged when a token is checked.
            }
        }

        return settings.Authority ?? string.Empty;
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Debug, Message = "Rejected the bearer token of request {RequestId}: {Reason}")]
    private static partial void LogTokenRejected(ILogger logger, string requestId, string reason);

    [LoggerMessage(EventId = 41, Level = LogLevel.Error, Message = "Could not read the OIDC issuer's discovery document or keys for request {RequestId}")]
    private static partial void LogIssuerUnreachable(ILogger logger, Exception exception, string requestId);

    [LoggerMessage(EventId = 42, Level = LogLevel.Debug, Message = "Denied request {RequestId} {Method} {Path}: the token lacks the permission")]
    private static partial void LogForbidden(ILogger logger, string requestId, string method, PathString path);
}
