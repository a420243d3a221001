using System.Net;
using Vivapolis.Api.Tests.Content;
using Vivapolis.Api.Tests.Features.AdvertiserContacts;
using Vivapolis.Api.Tests.Features.Articles;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Tests.Features.Auth;

/// <summary>Authors draft and submit; editors publish; sales keep to advertiser contacts.</summary>
public class AuthorshipTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task An_author_creates_edits_and_submits_a_draft_but_cannot_publish_it()
    {
        var author = await Api.AuthorAsync();

        var (draft, etag) = await author.CreateAsync(ArticleSteps.Draft("Le brouillon d'Arthur"));
        Assert.Equal(ApiFactory.AuthorEmail, draft.CreatedBy);
        var (edited, etag2) = await author.EditAsync(ArticleSteps.Segment, draft.Id, draft.Content with { Standfirst = "Chapeau" }, etag);
        await (await author.ActAsync(ArticleSteps.Segment, draft.Id, "publish")).ProblemAsync(HttpStatusCode.Forbidden);
        var (submitted, _) = await author.DoAsync<ArticleContent>(ArticleSteps.Segment, draft.Id, "submit", etag2);

        Assert.Equal(ContentStatus.InReview, submitted.Status);
        Assert.Equal("Chapeau", edited.Content.Standfirst);
        (await (await Api.EditorAsync()).ActAsync(ArticleSteps.Segment, draft.Id, "publish")).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task An_author_cannot_edit_someone_elses_draft_or_their_own_item_once_in_review()
    {
        var author = await Api.AuthorAsync();
        var editor = await Api.EditorAsync();
        var (theirs, theirEtag) = await editor.CreateAsync(ArticleSteps.Draft("Le brouillon d'Élise"));
        var (mine, myEtag) = await author.CreateAsync(ArticleSteps.Draft("Mon brouillon"));
        var (_, inReviewEtag) = await author.DoAsync<ArticleContent>(ArticleSteps.Segment, mine.Id, "submit", myEtag);

        await (await author.PutAsync(theirs.Id, ArticleSteps.Draft("Réécrit"), theirEtag)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await author.ActAsync(ArticleSteps.Segment, theirs.Id, "submit")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await author.PutAsync(mine.Id, ArticleSteps.Draft("Encore modifié"), inReviewEtag)).ProblemAsync(HttpStatusCode.Forbidden);
        foreach (var action in new[] { "unpublish", "discard", "erase" })
            Assert.Contains((await author.ActAsync(ArticleSteps.Segment, mine.Id, action)).StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        await (await author.DeleteAsync($"{ArticleSteps.Manage}/{theirs.Id}")).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("Le brouillon d'Élise", (await (await editor.GetAsync($"{ArticleSteps.Manage}/{theirs.Id}")).ReadAsync<Managed<ArticleContent>>()).Content.Title);
        // Editors edit anyone's draft, in review or not.
        (await editor.PutAsync(mine.Id, ArticleSteps.Draft("Relu par Élise"), inReviewEtag)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Sales_manage_advertiser_contacts_only_and_editors_and_authors_not_at_all()
    {
        var sales = await Api.SalesAsync();

        var contact = await sales.CreatePublishedAsync(AdvertiserContactSteps.Segment, AdvertiserContactSteps.Contact("Inès Vendeur"));
        Assert.Equal(HttpStatusCode.NoContent, (await sales.ActAsync(AdvertiserContactSteps.Segment, contact.Id, "erase")).StatusCode);
        await (await sales.PostJsonAsync(ArticleSteps.Manage, ArticleSteps.Draft("Pas pour les commerciaux"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await sales.GetAsync(ArticleSteps.Manage)).ProblemAsync(HttpStatusCode.Forbidden);

        foreach (var other in new[] { await Api.EditorAsync(), await Api.AuthorAsync() })
        {
            await (await other.GetAsync(AdvertiserContactSteps.Manage)).ProblemAsync(HttpStatusCode.Forbidden);
            await (await other.PostJsonAsync(AdvertiserContactSteps.Manage, AdvertiserContactSteps.Contact("Refusé"))).ProblemAsync(HttpStatusCode.Forbidden);
        }
    }
}
