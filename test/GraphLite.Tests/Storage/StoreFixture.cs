using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.Storage;

/// <summary>
/// The base of the contract tests, which run once per store: every test gets an empty database of its own and an
/// in-process GraphLite on it, with a client that sends a token with every permission.
/// </summary>
public abstract class StoreFixture(StoreKind kind)
{
    protected StoreKind Kind { get; } = kind;

    protected TestStore Store { get; private set; } = null!;

    protected GraphLiteFactory Factory { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    [SetUp]
    public void SetUpStore()
    {
        Store = TestStore.Create(Kind);
        Factory = new GraphLiteFactory(Store.Configure);
        Client = Factory.CreateGraphClient();
    }

    [TearDown]
    public async Task TearDownStoreAsync()
    {
        Client?.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        if (Store is not null)
        {
            await Store.DisposeAsync();
        }
    }
}
