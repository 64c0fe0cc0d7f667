using System.Text;
using Hirekit.Core.Interviews;
using Hirekit.Testing;

namespace Hirekit.Core.Tests.Interviews;

public sealed class ICalendarTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 8, 30, 0, TimeSpan.Zero);

    [Fact]
    public void LongTextWithAccentsAndEmoji_IsFoldedAt75Octets_AndReadsBackUnchanged()
    {
        var description = string.Concat(Enumerable.Repeat("Zoë's café; naïve, résumé — 🚀 rocket\nnext line ", 12));
        var calendar = ICalendar.Write(Event(description), ICalendar.Request);

        var parsed = Ics.Parse(calendar);
        var e = Ics.Event(parsed);

        Assert.All(calendar.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.Equal(description, e.Single(p => p.Name == "DESCRIPTION").Text);
        Assert.DoesNotContain('\uFFFD', calendar); // no surrogate pair was split by a fold
    }

    [Fact]
    public void Cancel_MarksTheEventCancelled_AndKeepsUidAndSequence()
    {
        var e = Event("x") with { Sequence = 3 };

        var request = Ics.Parse(ICalendar.Write(e, ICalendar.Request));
        var cancel = Ics.Parse(ICalendar.Write(e, ICalendar.Cancel));

        Assert.Equal("CONFIRMED", Ics.One(Ics.Event(request), "STATUS"));
        Assert.Equal("CANCELLED", Ics.One(Ics.Event(cancel), "STATUS"));
        Assert.Equal(Ics.One(Ics.Event(request), "UID"), Ics.One(Ics.Event(cancel), "UID"));
        Assert.Equal("3", Ics.One(Ics.Event(cancel), "SEQUENCE"));
        Assert.Throws<ArgumentOutOfRangeException>(() => ICalendar.Write(e, "PUBLISH"));
    }

    [Fact]
    public void NamesWithSeparators_AreQuotedParameters_AndQuotesCannotBreakOut()
    {
        var e = Event("x") with
        {
            Organizer = new CalendarPerson("Doe, Jane; \"HR\"", "jane@example.test"),
            Attendees = [new CalendarPerson("Li: Wei", "wei@example.test")],
        };

        var parsed = Ics.Event(Ics.Parse(ICalendar.Write(e, ICalendar.Request)));

        var organizer = parsed.Single(p => p.Name == "ORGANIZER");
        Assert.Equal("Doe, Jane; HR", organizer.Parameters["CN"]);
        Assert.Equal("mailto:jane@example.test", organizer.Value);
        Assert.Equal("Li: Wei", parsed.Single(p => p.Name == "ATTENDEE").Parameters["CN"]);
    }

    [Fact]
    public void TimesAreWrittenInUtc()
    {
        var local = new DateTimeOffset(2026, 5, 4, 10, 30, 0, TimeSpan.FromHours(2));
        var e = Event("x") with { Start = local, End = local.AddHours(1) };

        var parsed = Ics.Event(Ics.Parse(ICalendar.Write(e, ICalendar.Request)));

        Assert.Equal("20260504T083000Z", Ics.One(parsed, "DTSTART"));
        Assert.Equal("20260504T093000Z", Ics.One(parsed, "DTEND"));
    }

    private static CalendarEvent Event(string description) => new(
        "interview-1@hirekit", 0, Start, Start, Start.AddHours(1), "Interview, with a comma", description, "Room 1", "https://hirekit.test/interviews/1/kit",
        new CalendarPerson("Organiser", "org@example.test"), [new CalendarPerson("Ana", "ana@example.test")], false);
}
