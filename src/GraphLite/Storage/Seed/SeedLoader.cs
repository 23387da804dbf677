using System.Data;
using System.Data.Common;
using GraphLite.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.OData.Edm;
using Microsoft.OData.ModelBuilder;

namespace GraphLite.Storage.Seed;

/// <summary>
/// Loads the file named by <c>GraphLite:Seed:Path</c> into the store at start-up when the store is empty. The file
/// is read and checked on every start, so a malformed file stops start-up even when the store already has data.
/// </summary>
public sealed partial class SeedLoader(
    IOptions<SeedOptions> options, SeedFile file, IEdmModel model, GraphLiteDbContext context, IServiceProvider services, ILogger<SeedLoader> logger)
{
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var path = options.Value.Path;
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        var items = file.Read(path);
        var inserter = CreateInserter();
        if (!await inserter.IsEmptyAsync(cancellationToken))
        {
            LogSkipped(logger, path);
            return;
        }

        if (!context.Database.IsRelational())
        {
            await InsertAsync(inserter, items, path, cancellationToken);
            LogLoaded(logger, items.Count, path);
            return;
        }

        // Instances that start together on one empty database both find it empty; under serializable isolation
        // only one of them commits, and the others find the store seeded when they look again.
        try
        {
            await using var transaction = await context.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            await InsertAsync(inserter, items, path, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is DbException or DbUpdateException)
        {
            context.ChangeTracker.Clear();
            if (await inserter.IsEmptyAsync(cancellationToken))
            {
                throw;
            }

            LogSkipped(logger, path);
            return;
        }

        LogLoaded(logger, items.Count, path);
    }

    private ISeedInserter CreateInserter()
    {
        var entityType = model.EntityContainer.FindEntitySet(SeedOptions.EntitySetName).EntityType;
        var clrType = model.GetAnnotationValue<ClrTypeAnnotation>(entityType).ClrType;
        return (ISeedInserter)ActivatorUtilities.CreateInstance(services, typeof(SeedInserter<>).MakeGenericType(clrType));
    }

    private static async Task InsertAsync(ISeedInserter inserter, IReadOnlyList<SeedItem> items, string path, CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            item.Entity.Id ??= Guid.NewGuid().ToString();
            if (!await inserter.TryAddAsync(item.Entity, cancellationToken))
            {
                throw new StartupException($"{SeedOptions.PathKey}: {Path.GetFullPath(path)} line {item.Line}: the id '{item.Entity.Id}' is taken.");
            }
        }
    }

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "Seed: loaded {Count} entities from {Path}")]
    private static partial void LogLoaded(ILogger logger, int count, string path);

    [LoggerMessage(EventId = 111, Level = LogLevel.Information, Message = "Seed: the store already has data, so {Path} was not loaded")]
    private static partial void LogSkipped(ILogger logger, string path);
}
