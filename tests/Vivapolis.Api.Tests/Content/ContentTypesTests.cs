using Microsoft.Extensions.DependencyInjection;
using Vivapolis.Api.Content;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Api.Tests.Infrastructure.Contract;

namespace Vivapolis.Api.Tests.Content;

/// <summary>The registry of content types is the one list: the contract, the tests and the SPA follow it.</summary>
public class ContentTypesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private ContentTypes Types => api.Services.GetRequiredService<ContentTypes>();

    [Fact]
    public void Every_registered_type_has_a_test_example_and_every_example_a_registered_type()
    {
        // A new type without a ContentKind would escape the contract-driven sweep, the role table and the bounds test.
        Assert.Equal(Types.All.Select(t => t.RouteSegment).Order(), ContentKind.All.Select(k => k.Segment).Order());
    }

    [Fact]
    public void Every_registered_type_has_its_delivery_list_its_management_list_and_a_described_tag_in_the_contract()
    {
        var document = api.Services.GetRequiredService<Swashbuckle.AspNetCore.Swagger.ISwaggerProvider>()
            .GetSwagger(Vivapolis.Api.Infrastructure.OpenApi.OpenApiSetup.DocumentName);
        foreach (var type in Types.All)
        {
            Assert.Contains(OperationCatalog.All, o => o.Method == HttpMethod.Get && o.PathTemplate == $"/api/v1/{type.RouteSegment}");
            Assert.Contains(OperationCatalog.All, o => o.Method == HttpMethod.Get && o.PathTemplate == $"/api/v1/manage/{type.RouteSegment}");
            var tag = Assert.Single(document.Tags!, t => t.Name == type.RouteSegment);
            Assert.Equal(type.Description, tag.Description);
        }
    }

    [Fact]
    public void Types_holding_personal_data_are_kept_out_of_search_and_answer_on_the_sales_desk()
    {
        var personal = Assert.Single(Types.All, t => t.HoldsPersonalData);
        Assert.Equal("advertiser-contact", personal.Name);
        Assert.Equal(ContentDesk.Advertising, personal.Desk);
        Assert.DoesNotContain(personal, Types.Searchable);
    }

    [Fact]
    public async Task The_registry_is_published_for_clients_that_work_with_every_type()
    {
        var listed = await (await api.CreateClient().GetAsync("/api/v1/content-types"))
            .ReadAsync<List<Vivapolis.Contracts.Reference.ContentTypeItem>>();

        Assert.Equal(Types.All.Select(t => (t.Name, t.RouteSegment, t.Translatable)), listed.Select(t => (t.Name, t.Segment, t.Translatable)));
        Assert.Equal(["advertiser-contact"], listed.Where(t => t.PersonalData).Select(t => t.Name));
        Assert.Equal(["advertiser-contact"], listed.Where(t => !t.Searchable).Select(t => t.Name));
        Assert.Equal(["advertiser-contact"], listed.Where(t => t.Desk == "advertising").Select(t => t.Name));
    }
}
