using GraphLite.Hosting;
using GraphLite.Model;
using GraphLite.Notifications;
using GraphLite.Storage.Seed;

namespace GraphLite.Tests.Storage;

public sealed class SeedFileTests
{
    private string _path = null!;
    private SeedFile _file = null!;

    [SetUp]
    public void SetUp()
    {
        _path = Path.Combine(Path.GetTempPath(), $"graphlite-seed-{Guid.NewGuid():N}.json");
        _file = new SeedFile(GraphModel.Instance, new EntityValidator(GraphModel.Instance));
    }

    [TearDown]
    public void TearDown() => File.Delete(_path);

    [Test]
    public async Task Read_ReturnsEntities_FromArray()
    {
        await File.WriteAllTextAsync(_path, """
            [
              {"@odata.type": "#microsoft.graph.participantLeftNotification", "id": "seed-1", "participantId": "p-1"},
              {"participantId": "p-2"}
            ]
            """);

        var items = _file.Read(_path);

        items.Select(item => item.Line).Should().Equal(2, 3);
        var first = items[0].Entity.Should().BeOfType<ParticipantLeftNotification>().Subject;
        first.Id.Should().Be("seed-1");
        first.ParticipantId.Should().Be("p-1");
        var second = items[1].Entity.Should().BeOfType<ParticipantLeftNotification>().Subject;
        second.Id.Should().BeNull("a seed item without id gets one when it is stored, as a POST does");
        second.ParticipantId.Should().Be("p-2");
    }

    [Test]
    public async Task Read_ReturnsEntities_FromListResponse()
    {
        await File.WriteAllTextAsync(_path, """
            {"@odata.context": "http://127.0.0.1:5080/v1.0/$metadata#participantLeftNotifications",
             "value": [{"@odata.type": "#microsoft.graph.participantLeftNotification", "id": "listed", "participantId": "p"}]}
            """);

        var items = _file.Read(_path);

        items.Should().ContainSingle().Which.Entity.Id.Should().Be("listed");
    }

    [Test]
    public async Task Read_AcceptsByteOrderMarkAndEmptyArray()
    {
        await File.WriteAllBytesAsync(_path, [0xEF, 0xBB, 0xBF, (byte)'[', (byte)']']);

        _file.Read(_path).Should().BeEmpty();
    }

    [TestCase("[\n{\"participantId\": \"a\"},\n{\"participantId\": \"b\", \"colour\": 1}\n]", 3,
        "The property 'colour' does not exist on type 'microsoft.graph.participantLeftNotification'.")]
    [TestCase("[\n{\"participantId\": \"a\"},\n\n{\"id\": \"x\"}]", 4,
        "The 'participantId' property is required to create a participantLeftNotification.")]
    [TestCase("[{\"id\": \"same\", \"participantId\": \"a\"},\n{\"id\": \"same\", \"participantId\": \"b\"}]", 2,
        "another item of the file already has the id 'same'.")]
    [TestCase("[\n  {\"participantId\": \"a\"},\n  {\"participantId\": \"b\"\n]", 4, "invalid JSON: ")]
    [TestCase("[\n  {\"participantId\": 5}\n]", 2, "Cannot convert the literal '5' to the expected type 'Edm.String'.")]
    [TestCase("[\n{\"participantId\": \"b\",}\n]", 2, "invalid JSON: The JSON object contains a trailing comma at the end which is not supported in this mode.")]
    [TestCase("[\n  42\n]", 2, "each item must be a JSON object, not Number.")]
    [TestCase("\"text\"", 1, "the file must contain an array of participantLeftNotifications")]
    [TestCase("{\n\"items\": []}", 2, "unexpected property 'items'")]
    [TestCase("[]\n[]", 2, "invalid JSON: ")]
    [TestCase("[{\"@odata.type\": \"#microsoft.graph.entity\", \"participantId\": \"a\"}]", 1, "microsoft.graph.entity")]
    [TestCase("[{\"id\": \"a\\u0000b\", \"participantId\": \"a\"}]", 1, "The 'id' property contains the character U+0000")]
    public async Task Read_Throws_WithLineAndReason(string json, int line, string reason)
    {
        await File.WriteAllTextAsync(_path, json);

        var read = () => _file.Read(_path);

        read.Should().Throw<StartupException>()
            .Which.Message.Should().StartWith($"GraphLite:Seed:Path: {_path} line {line}: ").And.Contain(reason);
    }

    [Test]
    public void Read_Throws_WhenFileIsMissing()
    {
        var read = () => _file.Read(_path);

        read.Should().Throw<StartupException>()
            .Which.Message.Should().StartWith($"GraphLite:Seed:Path: cannot read the seed file {_path}: ");
    }
}
