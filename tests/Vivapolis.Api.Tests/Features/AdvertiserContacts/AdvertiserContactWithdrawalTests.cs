using System.Net;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.AdvertiserContacts;
using Vivapolis.Contracts.Common;
using static Vivapolis.Api.Tests.Features.AdvertiserContacts.AdvertiserContactSteps;

namespace Vivapolis.Api.Tests.Features.AdvertiserContacts;

/// <summary>A person who asks to leave the public directory leaves it when the edit is saved, not at the next publication.</summary>
public class AdvertiserContactWithdrawalTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Making_a_published_contact_private_removes_it_from_delivery_at_once()
    {
        var editor = await Api.SalesAsync();
        var published = await editor.CreatePublishedAsync(Contact("Romane Vasseur"));
        var anonymous = Api.CreateClient();
        Assert.Single((await (await anonymous.GetAsync(Delivery)).ReadAsync<Page<AdvertiserContactDelivery>>()).Items);
        var etag = (await editor.GetAsync($"{Manage}/{published.Id}")).Headers.ETag!.ToString();

        var saved = await editor.PutAsync(published.Id, Contact("Romane Vasseur") with { IsPublic = false }, etag);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Empty((await (await anonymous.GetAsync(Delivery)).ReadAsync<Page<AdvertiserContactDelivery>>()).Items);
        await (await anonymous.GetAsync($"{Delivery}/{published.Slug}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain("romane", (await anonymous.GetStringAsync(Delivery)).ToLowerInvariant());
    }
}
