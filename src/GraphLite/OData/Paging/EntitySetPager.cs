using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GraphLite.Errors;
using GraphLite.Http;
using GraphLite.Model;
using GraphLite.OData.Concurrency;
using GraphLite.OData.Query;
using GraphLite.Storage;
using Microsoft.AspNetCore.OData.Extensions;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.Extensions.Options;

namespace GraphLite.OData.Paging;

/// <summary>
/// Reads one page of a collection: applies <c>$filter</c> and <c>$search</c>, counts, sorts in keyset order, reads
/// the page's rows and prepares <c>@odata.count</c>, <c>@odata.nextLink</c> and <c>$select</c> for the serializer.
/// </summary>
/// <remarks>
/// <c>$top</c> sets the page size, as in Graph: with more rows left the page ends with an
/// <c>@odata.nextLink</c> that keeps <c>$top</c>. Without <c>$top</c> the page size is
/// <c>Prefer: odata.maxpagesize</c>, else the size the first page used, else the default.
/// </remarks>
public sealed class EntitySetPager(
    EntitySetQueries queries,
    SkipTokenProtector protector,
    IOptions<PagingOptions> paging,
    TimeProvider timeProvider)
{
    /// <summary>Reads the page the request names; returns the value for <c>Ok(…)</c> or the error to send.</summary>
    public async Task<(object? Page, GraphError? Error)> ReadPageAsync<TEntity>(IEntityStore<TEntity> store, HttpRequest request, CancellationToken cancellationToken)
        where TEntity : Entity
    {
        try
        {
            return await ReadPageOrThrowAsync(store, request, cancellationToken);
        }
        catch (StoreQueryException exception)
        {
            return (null, QueryFailed(request, exception));
        }
    }

    /// <summary>Counts the rows that <c>$filter</c> and <c>$search</c> keep, for the <c>/$count</c> segment.</summary>
    public async Task<(long Count, GraphError? Error)> CountAsync<TEntity>(IEntityStore<TEntity> store, HttpRequest request, CancellationToken cancellationToken)
        where TEntity : Entity
    {
        var prepared = queries.Prepare(store, request, out _, out _);
        if (prepared.Error is not null)
        {
            return (0, prepared.Error);
        }

        try
        {
            return (await store.CountAsync(prepared.Query!, cancellationToken), null);
        }
        catch (StoreQueryException exception)
        {
            return (0, QueryFailed(request, exception));
        }
    }

    private async Task<(object? Page, GraphError? Error)> ReadPageOrThrowAsync<TEntity>(IEntityStore<TEntity> store, HttpRequest request, CancellationToken cancellationToken)
        where TEntity : Entity
    {
        var prepared = queries.Prepare(store, request, out var options, out var sortKeys);
        if (prepared.Error is not null)
        {
            return (null, prepared.Error);
        }

        var filtered = prepared.Query!;
        var feature = request.ODataFeature();
        if (options!.Count?.Value == true)
        {
            feature.TotalCount = await store.CountAsync(filtered, cancellationToken);
        }

        var order = new KeysetOrder<TEntity>(sortKeys);
        var fingerprint = Fingerprint(request);
        var skipToken = request.Query["$skiptoken"].ToString();
        int? tokenPageSize = null;
        if (skipToken.Length > 0)
        {
            if (!protector.TryUnprotect(skipToken, fingerprint, out var token, out var tokenError))
            {
                return (null, queries.Rejected(request, tokenError!));
            }

            if (!order.TryDecode(token!.LastKey, out var lastKey))
            {
                return (null, queries.Rejected(request, GraphError.BadRequest(
                    "The $skiptoken is not valid: it does not fit the sort order of this request. Request the first page again.")));
            }

            filtered = order.After(filtered, lastKey);
            tokenPageSize = token.PageSize;
        }

        var sorted = order.Sort(filtered);
        if (CollectionQueryValidator.TryParseSkip(request.Query["$skip"].ToString(), out var skip) && skip > 0)
        {
            sorted = sorted.Skip(skip);
        }

        var pageSize = ChoosePageSize(request, tokenPageSize);
        var rows = await store.ListAsync(sorted.Take(pageSize + 1), cancellationToken);
        var items = rows.Count > pageSize ? rows.Take(pageSize).ToList() : rows;
        if (rows.Count > pageSize)
        {
            var next = new SkipToken(order.Encode(items[^1]), pageSize, fingerprint, timeProvider.GetUtcNow().ToUnixTimeSeconds());
            feature.NextLink = NextLinks.Build(request, protector.Protect(next));
        }

        ResponseEntityTags.Register(request.HttpContext, items);
        return (ApplySelect(options, items), null);
    }

    /// <summary>The error for a query that passed every check but failed in the store, e.g. by dividing by zero.</summary>
    private GraphError QueryFailed(HttpRequest request, StoreQueryException exception) => queries.Rejected(request, GraphError.BadRequest(
        $"The query specified in the URI is not valid. GraphLite could not run it: {exception.Message}."));

    private int ChoosePageSize(HttpRequest request, int? tokenPageSize)
    {
        var max = paging.Value.MaxPageSize;
        int? top = CollectionQueryValidator.TryParseTop(request.Query["$top"].ToString(), max, out var parsedTop) ? parsedTop : null;
        var preferred = PreferHeader.Parse(request).MaxPageSize is { } size ? Math.Min(size, max) : (int?)null;
        if (preferred is { } applied)
        {
            PreferHeader.AddApplied(request.HttpContext.Response, $"odata.maxpagesize={applied.ToString(CultureInfo.InvariantCulture)}");
        }

        return (top, preferred) switch
        {
            ({ } both, { } limit) => Math.Min(both, limit),
            ({ } onlyTop, null) => onlyTop,
            (null, { } onlyPreferred) => onlyPreferred,
            _ => tokenPageSize is { } fromToken && fromToken <= max ? fromToken : paging.Value.DefaultPageSize,
        };
    }

    private static object ApplySelect<TEntity>(ODataQueryOptions<TEntity> options, IReadOnlyList<TEntity> items)
    {
        if (options.SelectExpand is null)
        {
            return items;
        }

        // Every option but $select and $expand has run already; this sets the select clause the serializer reads.
        var ignored = AllowedQueryOptions.All & ~AllowedQueryOptions.Select & ~AllowedQueryOptions.Expand;
        return options.ApplyTo(items.AsQueryable(), new ODataQuerySettings(), ignored);
    }

    /// <summary>Identifies what a page sequence is sorted and filtered by, so that a token only continues its own.</summary>
    private static string Fingerprint(HttpRequest request)
    {
        var text = string.Join('\n',
            request.Path.Value?.ToLowerInvariant(),
            request.Query["$filter"].ToString(),
            request.Query["$search"].ToString(),
            request.Query["$orderby"].ToString());
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
    }
}
