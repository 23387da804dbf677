using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using GraphLite.Errors;
using Microsoft.Extensions.Options;

namespace GraphLite.OData.Paging;

/// <summary>
/// Turns a <see cref="SkipToken"/> into the opaque, URL-safe <c>$skiptoken</c> value and back, rejecting a value
/// that was changed, belongs to another query or has expired.
/// </summary>
/// <remarks>
/// The value is <c>base64url(JSON) "." base64url(HMAC-SHA256(JSON))</c>. The HMAC key is
/// <see cref="PagingOptions.SkipTokenKey"/> when it is set. Otherwise it is made when the process starts and is
/// never stored, so tokens do not survive a restart of GraphLite and no other process accepts them.
/// </remarks>
public sealed class SkipTokenProtector(IOptions<PagingOptions> options, TimeProvider timeProvider)
{
    private readonly byte[] _key = options.Value.SkipTokenKeyBytes() ?? RandomNumberGenerator.GetBytes(PagingOptions.MinSkipTokenKeyBytes);

    public string Protect(SkipToken token)
    {
        ArgumentNullException.ThrowIfNull(token);

        var payload = JsonSerializer.SerializeToUtf8Bytes(token);
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(HMACSHA256.HashData(_key, payload))}";
    }

    /// <summary>Reads a <c>$skiptoken</c> value issued for the query with fingerprint <paramref name="query"/>.</summary>
    public bool TryUnprotect(string value, string query, out SkipToken? token, out GraphError? error)
    {
        ArgumentNullException.ThrowIfNull(value);

        token = null;
        error = null;
        var parts = value.Split('.');
        if (parts.Length != 2 || !TryDecode(parts[0], out var payload) || !TryDecode(parts[1], out var signature)
            || !CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(_key, payload)))
        {
            error = Invalid("it was not issued by this GraphLite process or has been changed");
            return false;
        }

        var read = Deserialize(payload);
        if (read is null || read.LastKey is null || read.Query is null)
        {
            error = Invalid("its content is not readable");
            return false;
        }

        if (!string.Equals(read.Query, query, StringComparison.Ordinal))
        {
            error = Invalid("it belongs to a request with another $filter, $search or $orderby");
            return false;
        }

        var age = timeProvider.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(read.IssuedAt);
        if (age > options.Value.SkipTokenLifetime)
        {
            error = GraphError.BadRequest(
                $"The $skiptoken has expired: it is valid for {options.Value.SkipTokenLifetime} after GraphLite wrote it. Request the first page again.");
            return false;
        }

        token = read;
        return true;
    }

    private static SkipToken? Deserialize(byte[] payload)
    {
        try
        {
            return JsonSerializer.Deserialize<SkipToken>(payload);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (!Base64Url.IsValid(text))
        {
            return false;
        }

        bytes = Base64Url.DecodeFromChars(text);
        return true;
    }

    private static GraphError Invalid(string reason) => GraphError.BadRequest(
        $"The $skiptoken is not valid: {reason}. Use the @odata.nextLink of the previous page as it is, or request the first page again.");
}
