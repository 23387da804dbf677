using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Serialization;

namespace GraphLite.Conformance.GraphSdk;

/// <summary>
/// A page of participantLeftNotifications, shaped like the SDK's own collection responses (e.g.
/// <c>UserCollectionResponse</c>) so that <c>PageIterator</c> can read <c>Value</c> and <c>@odata.nextLink</c>.
/// </summary>
public sealed class ParticipantLeftNotificationCollectionResponse : BaseCollectionPaginationCountResponse, IParsable
{
#pragma warning disable CA2227 // Kiota models set their collections from the parse node.
    public List<ParticipantLeftNotification>? Value
#pragma warning restore CA2227
    {
        get => BackingStore.Get<List<ParticipantLeftNotification>?>("value");
        set => BackingStore.Set("value", value);
    }

    public static new ParticipantLeftNotificationCollectionResponse CreateFromDiscriminatorValue(IParseNode parseNode)
    {
        ArgumentNullException.ThrowIfNull(parseNode);
        return new ParticipantLeftNotificationCollectionResponse();
    }

    public override IDictionary<string, Action<IParseNode>> GetFieldDeserializers() =>
        new Dictionary<string, Action<IParseNode>>(base.GetFieldDeserializers())
        {
            ["value"] = node => Value = node.GetCollectionOfObjectValues(ParticipantLeftNotification.CreateFromDiscriminatorValue)?.ToList(),
        };

    public override void Serialize(ISerializationWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        base.Serialize(writer);
        writer.WriteCollectionOfObjectValues("value", Value);
    }
}
