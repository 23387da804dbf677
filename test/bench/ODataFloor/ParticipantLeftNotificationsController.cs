using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.AspNetCore.OData.Routing.Controllers;

namespace GraphLite.Bench.ODataFloor;

/// <summary>The same entity type as GraphLite's, without its base type: a key and one string.</summary>
public sealed class ParticipantLeftNotification
{
    public string? Id { get; set; }

    public string? ParticipantId { get; set; }
}

/// <summary>Create, read by key and query, with AspNetCore.OData's default behaviour and nothing else.</summary>
public sealed class ParticipantLeftNotificationsController(ConcurrentDictionary<string, ParticipantLeftNotification> store) : ODataController
{
    [EnableQuery(PageSize = 100)]
    public IQueryable<ParticipantLeftNotification> Get() => store.Values.AsQueryable();

    public IActionResult Get(string key) => store.TryGetValue(key, out var notification) ? Ok(notification) : NotFound();

    public IActionResult Post([FromBody] ParticipantLeftNotification notification)
    {
        if (notification is null || string.IsNullOrEmpty(notification.ParticipantId))
        {
            return BadRequest();
        }

        notification.Id ??= Guid.NewGuid().ToString();
        return store.TryAdd(notification.Id, notification) ? Created(notification) : Conflict();
    }
}
