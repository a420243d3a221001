namespace Vivapolis.Api.Tests.Infrastructure;

/// <summary>Base of the HTTP tests: one host per class, data reset before each test.</summary>
public abstract class ApiTest<TFactory>(TFactory api) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : ApiFactory
{
    protected TFactory Api { get; } = api;

    public virtual async ValueTask InitializeAsync() => await Api.ResetAsync();

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

public abstract class ApiTest(ApiFactory api) : ApiTest<ApiFactory>(api);
