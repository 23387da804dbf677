using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests;

/// <summary>Removes what the whole test run shares, after its last test.</summary>
[SetUpFixture]
public sealed class TestRunCleanup
{
    [OneTimeTearDown]
    public void DeleteSharedFolders() => TestDataFolders.DeleteKeyTemplate();
}
