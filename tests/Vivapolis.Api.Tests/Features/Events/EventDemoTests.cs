using Vivapolis.Api.Demo;
using Vivapolis.Api.Features.Events;
using Vivapolis.Contracts.Events;

namespace Vivapolis.Api.Tests.Features.Events;

/// <summary>The demo agenda is counted from the day of seeding: whatever that day, it must hold together.</summary>
public class EventDemoTests
{
    public static readonly TheoryData<string> SeedDays = ["2026-11-26", "2027-03-20", "2027-10-25", "2028-02-29", "2031-07-14"];

    [Theory]
    [MemberData(nameof(SeedDays))]
    public void Every_demo_event_is_valid_and_the_agenda_has_what_an_editor_expects(string seedDay)
    {
        var today = DateOnly.Parse(seedDay);
        var type = new EventType(new EventValidator());

        var items = DemoEventTexts.For(today);

        foreach (var (content, _) in items)
        {
            var result = type.Validator.Validate(type.Normalize(content));
            Assert.True(result.IsValid, $"{content.Title}: {result}");
        }
        var published = items.Where(i => i.Publish).Select(i => i.Content).ToList();
        var spans = published.Select(c => EventTimes.SpanOf(c.Start!.Value, c.End!.Value, c.TimeZone, c.AllDay)).ToList();
        Assert.InRange(items.Count, 18, 24);
        Assert.Equal(2, items.Count(i => !i.Publish));
        Assert.Contains(published, c => c.EventStatus == EventStatus.Cancelled);
        Assert.Contains(published, c => c is { Kind: EventKind.Webinaire, AttendanceMode: AttendanceMode.Online });
        Assert.Contains(published, c => c.Kind == EventKind.Matinale);
        Assert.Contains(published, c => c is { Kind: EventKind.Conference, Edition: 3 });
        Assert.Contains(spans, s => s.StartDate < today);
        Assert.Contains(spans, s => s.StartDate > today);
        // On either side of the next change of clocks in Paris: the same local hour, two offsets.
        var parisOffsets = spans.Zip(published).Where(p => p.Second.TimeZone == "Europe/Paris" && p.First.Start is not null)
            .Where(p => p.First.StartDate > today).Select(p => p.First.Start!.Value.Offset).Distinct();
        Assert.Equal(2, parisOffsets.Count());
        Assert.Equal(items.Count, items.Select(i => i.Content.Title).Distinct().Count()); // one slug each
    }
}
