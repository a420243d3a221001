using Vivapolis.Api.Demo;
using Vivapolis.Api.Features.Members;

namespace Vivapolis.Api.Tests.Features.Members;

/// <summary>The demo directory is valid, varied, and the demo fiches and events link many of its members.</summary>
public class MemberDemoTests
{
    [Fact]
    public void Every_demo_member_is_valid_and_the_directory_spans_every_kind_and_many_regions()
    {
        var type = new MemberType(new MemberValidator());
        foreach (var (content, _) in DemoMemberTexts.All)
        {
            var result = type.Validator.Validate(type.Normalize(content));
            Assert.True(result.IsValid, $"{content.Name}: {result}");
        }
        var published = DemoMemberTexts.All.Where(m => m.Publish).Select(m => m.Content).ToList();
        Assert.InRange(DemoMemberTexts.All.Count, 38, 50);
        Assert.Equal(Enum.GetValues<Vivapolis.Contracts.Fiches.ActorKind>().Order(), published.Select(m => m.Kind!.Value).Distinct().Order());
        Assert.True(published.Select(m => m.RegionCode).Distinct().Count() >= 12);
        Assert.Contains(published, m => !m.IsPublic);
        Assert.Contains(DemoMemberTexts.All, m => !m.Publish);
        Assert.Equal(DemoMemberTexts.All.Count, DemoMemberTexts.All.Select(m => m.Content.Name).Distinct().Count()); // one slug each
        Assert.All(published, m => Assert.EndsWith(".example.org", new Uri(m.Website!).Host));
    }

    [Fact]
    public void The_demo_fiches_and_events_link_members_of_the_same_kind_by_name()
    {
        var ids = DemoMemberTexts.All.ToDictionary(m => m.Content.Name, _ => Guid.NewGuid());
        var kinds = DemoMemberTexts.All.ToDictionary(m => m.Content.Name, m => m.Content.Kind);

        var actors = DemoFicheTexts.All.SelectMany(f => DemoMemberTexts.Linked(f.Content, ids).Actors).Where(a => a.MemberId is not null).ToList();
        var organisers = DemoEventTexts.For(new DateOnly(2026, 11, 26))
            .Select(e => DemoMemberTexts.Linked(e.Content, ids).Organizer).Where(o => o?.MemberId is not null).ToList();

        Assert.True(actors.Count >= 15, $"{actors.Count} actors linked");
        Assert.True(organisers.Count >= 5, $"{organisers.Count} organisers linked");
        Assert.All(actors, a => Assert.Equal(kinds[a.Name], a.Kind));
        Assert.All(actors, a => Assert.Equal(ids[a.Name], a.MemberId));
    }
}
