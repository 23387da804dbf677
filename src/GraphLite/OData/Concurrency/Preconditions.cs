using GraphLite.Errors;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace GraphLite.OData.Concurrency;

/// <summary>The outcome of evaluating <c>If-Match</c> and <c>If-None-Match</c> against an entity's version.</summary>
public enum PreconditionOutcome
{
    /// <summary>No precondition was sent, or every precondition holds.</summary>
    Passed,

    /// <summary>A read whose <c>If-None-Match</c> names the current version: respond with 304 Not Modified.</summary>
    NotModified,

    /// <summary>A precondition does not hold: respond with 412 Precondition Failed.</summary>
    Failed,
}

/// <summary>
/// Evaluates the conditional request headers of RFC 9110 for one entity: <c>If-Match</c> (a list of ETags or
/// <c>*</c>) and <c>If-None-Match</c>.
/// </summary>
public static class Preconditions
{
    /// <summary>
    /// Returns null when the headers are well formed, or the error that names the malformed header.
    /// </summary>
    public static GraphError? Validate(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        if (!TryParse(request.Headers.IfMatch, out _))
        {
            return MalformedHeader("If-Match");
        }

        return TryParse(request.Headers.IfNoneMatch, out _) ? null : MalformedHeader("If-None-Match");
    }

    /// <summary>
    /// Evaluates the preconditions for the entity at <paramref name="rowVersion"/>; <paramref name="isRead"/> is
    /// true for GET, where a matching <c>If-None-Match</c> means 304 rather than 412.
    /// </summary>
    public static PreconditionOutcome Evaluate(HttpRequest request, long rowVersion, bool isRead)
    {
        ArgumentNullException.ThrowIfNull(request);

        var current = EntityTags.Parse(rowVersion);
        if (TryParse(request.Headers.IfMatch, out var ifMatch) && ifMatch is { Count: > 0 } && !Matches(ifMatch, current))
        {
            return PreconditionOutcome.Failed;
        }

        if (TryParse(request.Headers.IfNoneMatch, out var ifNoneMatch) && ifNoneMatch is { Count: > 0 } && Matches(ifNoneMatch, current))
        {
            return isRead ? PreconditionOutcome.NotModified : PreconditionOutcome.Failed;
        }

        return PreconditionOutcome.Passed;
    }

    /// <summary>
    /// Returns true when <c>If-Match</c> names specific versions. A write that lost a race then fails with 412
    /// rather than being retried on the newer version, which the client has not seen.
    /// </summary>
    public static bool NamesVersion(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return TryParse(request.Headers.IfMatch, out var ifMatch) && ifMatch is { Count: > 0 } && !ifMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any));
    }

    private static bool Matches(IList<EntityTagHeaderValue> tags, EntityTagHeaderValue current) =>
        tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));

    private static bool TryParse(StringValues values, out IList<EntityTagHeaderValue>? tags)
    {
        tags = null;
        return StringValues.IsNullOrEmpty(values) || EntityTagHeaderValue.TryParseStrictList(values, out tags);
    }

    private static GraphError MalformedHeader(string name) => GraphError.BadRequest(
        $"The {name} header is not a valid list of entity tags. Send '*' or the ETag exactly as GraphLite returned it, e.g. W/\"3\".");
}
