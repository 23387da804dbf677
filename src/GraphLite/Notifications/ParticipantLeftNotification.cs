using GraphLite.Model;

namespace GraphLite.Notifications;

/// <summary>
/// <c>microsoft.graph.participantLeftNotification</c>: sent to a policy-based recording bot when a participant
/// it manages leaves a call.
/// </summary>
public sealed class ParticipantLeftNotification : Entity
{
    /// <summary>The ID of the participant under the policy who has left the meeting.</summary>
    [Searchable]
    public string ParticipantId { get; set; } = null!;
}
