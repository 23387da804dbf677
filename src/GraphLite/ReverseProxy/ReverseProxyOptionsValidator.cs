using System.Net;
using Microsoft.Extensions.Options;

namespace GraphLite.ReverseProxy;

/// <summary>Rejects at start-up a trusted proxy that is not an IP address, or a network that is not in CIDR notation.</summary>
public sealed class ReverseProxyOptionsValidator : IValidateOptions<ReverseProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ReverseProxyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var failures = new List<string>();
        for (var i = 0; i < options.KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(options.KnownProxies[i], out _))
            {
                failures.Add($"{ReverseProxyOptions.SectionName}:KnownProxies:{i} '{options.KnownProxies[i]}' is not an IP address; "
                    + "list the address a proxy connects from, e.g. 127.0.0.1 or ::1.");
            }
        }

        for (var i = 0; i < options.KnownNetworks.Count; i++)
        {
            if (!IPNetwork.TryParse(options.KnownNetworks[i], out _))
            {
                failures.Add($"{ReverseProxyOptions.SectionName}:KnownNetworks:{i} '{options.KnownNetworks[i]}' is not a network in CIDR "
                    + "notation, e.g. 10.1.0.0/16 or fd00::/8.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
