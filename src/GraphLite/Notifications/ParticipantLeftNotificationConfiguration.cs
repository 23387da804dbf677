using GraphLite.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GraphLite.Notifications;

/// <summary>The storage shape of participantLeftNotification: its own table, keyed by id.</summary>
public sealed class ParticipantLeftNotificationConfiguration : IEntityTypeConfiguration<ParticipantLeftNotification>
{
    public void Configure(EntityTypeBuilder<ParticipantLeftNotification> builder)
    {
        builder.ConfigureEntity();
        builder.Property(notification => notification.ParticipantId).IsRequired();
    }
}
