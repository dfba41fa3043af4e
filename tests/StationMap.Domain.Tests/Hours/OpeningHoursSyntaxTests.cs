using StationMap.Domain.Hours;

namespace StationMap.Domain.Tests.Hours;

public class OpeningHoursSyntaxTests
{
    public static TheoryData<string, int, string> Malformed => new()
    {
        { "", 0, "empty opening hours" },
        { "   ", 0, "empty opening hours" },
        { "25:00-26:00", 0, "start hour 25 is out of range (00-23)" },
        { "24:00-26:00", 0, "start hour 24 is out of range (00-23)" },
        { "08:60-09:00", 3, "minutes must be 00-59" },
        { "Mo 08:00-49:00", 9, "end time 49:00 is out of range (00:00-48:00)" },
        { "Mo-", 3, "expected a weekday like Mo" },
        { "Mo,", 3, "expected a weekday like Mo" },
        { "Mo-08:00", 3, "expected a weekday like Mo" },
        { "Xx 08:00-09:00", 0, "unknown weekday 'Xx'" },
        { "Mo-Fx 08:00-09:00", 3, "unknown weekday 'Fx'" },
        { "mo-fr 08:00-18:00", 0, "unknown weekday 'mo'" },
        { "Monday 08:00-18:00", 0, "unknown weekday 'Monday'" },
        { "周一至周五 08:00-18:00", 0, "unknown weekday '周一至周五'" },
        { "08:00", 5, "expected '-' and an end time, like 08:00-18:00" },
        { "08:00-", 6, "expected a time like 08:00" },
        { "Mo 8-18", 3, "expected a time like 08:00" },
        { "Mo 08:5-09:00", 3, "expected a time like 08:00" },
        { "Mo 0800-1200", 3, "expected a time like 08:00" },
        { "Mo 08:00-08:00", 3, "a time span cannot end when it starts" },
        { "Mo-Fr 18:00-08:00x", 17, "unexpected 'x'" },
        { "Mo-Fr 08:00-18:00,", 18, "expected a time like 08:00" },
        { "Mo-Fr 08:00-18:00 Sa 10:00-12:00", 18, "unexpected 'Sa'" },
        { "Mo 08:00-12:00 | Tu 08:00-12:00", 15, "unexpected '|'" },
        { "Mo;;Tu", 3, "empty rule" },
        { ";Mo", 0, "empty rule" },
        { "-", 0, "expected a weekday, a time or 'off', found '-'" },
        { "PH,", 3, "expected a weekday like Mo" },
        { "Mo-PH 08:00-12:00", 3, "unknown weekday 'PH'" },
        { "sunrise-", 8, "expected a time like 08:00" },
        { "sunrise", 7, "expected '-' and an end time, like 08:00-18:00" },
        { "noon-sunset", 0, "unknown weekday 'noon'" },
        { "(sunrise)-18:00", 0, "expected a solar time with an offset, like (sunset-01:00)" },
        { "(sunrise+1h)-18:00", 9, "expected a time like 08:00" },
        { "(sunrise+01:00-18:00", 0, "expected a solar time with an offset, like (sunset-01:00)" },
        { "(08:00+01:00)-18:00", 0, "expected a solar time with an offset, like (sunset-01:00)" },
        { "(sunset+13:00)-23:00", 8, "a solar offset is at most 12:00" },
        { "sunset-sunset", 0, "a time span cannot end when it starts" },
        { "PH 10:00-12:00 off", 15, "unsupported: time spans with 'off' or 'closed'" },
    };

    public static TheoryData<string, int, string> Unsupported => new()
    {
        { "SH off", 0, "unsupported: school holidays (SH)" },
        { "Jan-Mar 08:00-18:00", 0, "unsupported: month ranges" },
        { "Dec 25 off", 0, "unsupported: month ranges" },
        { "2025 Mo-Fr 08:00-18:00", 0, "unsupported: year ranges" },
        { "week 01-10 Mo 08:00-12:00", 0, "unsupported: week numbers" },
        { "easter off", 0, "unsupported: easter dates" },
        { "Mo-Fr 08:00-18:00 \"by appointment\"", 18, "unsupported: comments" },
        { "Mo-Fr 08:00-18:00 || \"call ahead\"", 18, "unsupported: fallback rules (||)" },
        { "Mo[1] 08:00-12:00", 2, "unsupported: nth weekday of the month ([n])" },
        { "Mo 10:00+", 8, "unsupported: open-ended times (+)" },
        { "10:00-16:00/01:30", 11, "unsupported: repeating times (/)" },
        { "Mo 08:00-12:00, Tu 14:00-18:00", 14, "unsupported: ',' between rules (use ';')" },
        { "Mo 12:00-13:00 off", 15, "unsupported: time spans with 'off' or 'closed'" },
        { "Mo unknown", 3, "unsupported: the 'unknown' state" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    [MemberData(nameof(Unsupported))]
    public void Parse_throws_with_position_and_reason(string text, int position, string reason)
    {
        var error = Assert.Throws<OpeningHoursSyntaxException>(() => OpeningHours.Parse(text));

        Assert.Equal(reason, error.Reason);
        Assert.Equal(position, error.Position);
        Assert.Equal($"opening_hours: {reason} at position {position}", error.Message);
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    [MemberData(nameof(Unsupported))]
    public void TryParse_returns_false_with_the_error(string text, int position, string reason)
    {
        var parsed = OpeningHours.TryParse(text, out var hours, out var error);

        Assert.False(parsed);
        Assert.Null(hours);
        Assert.NotNull(error);
        Assert.Equal((position, reason), (error.Position, error.Reason));
    }

    [Fact]
    public void TryParse_reads_null_as_empty()
    {
        Assert.False(OpeningHours.TryParse(null, out var hours, out var error));
        Assert.Null(hours);
        Assert.Equal((0, "empty opening hours"), (error!.Position, error.Reason));
    }

    [Fact]
    public void TryParse_returns_true_without_an_error()
    {
        Assert.True(OpeningHours.TryParse("Mo-Fr 08:00-18:00", out var hours, out var error));
        Assert.Equal("Mo-Fr 08:00-18:00", hours.Text);
        Assert.Null(error);
    }

    [Fact]
    public void The_exception_is_a_FormatException()
    {
        Assert.IsAssignableFrom<FormatException>(Assert.ThrowsAny<Exception>(() => OpeningHours.Parse("Xx")));
    }

    // Imported data holds anything; whatever the text, TryParse must answer, and what parses must evaluate.
    [Fact]
    public void TryParse_never_throws_on_garbage()
    {
        const string alphabet = "MoTuWeFrSaSuPHoffclsed0123456789:-,;/+|\"[]() \u3000x";
        var random = new Random(20250602);
        for (var i = 0; i < 20_000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 24)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

            if (OpeningHours.TryParse(text, out var hours, out var error))
            {
                hours.StateAt(ChinaWeek.At("We 12:00"), new(39.9, 116.4))?.Describe(ChinaWeek.At("We 12:00"));
            }
            else
            {
                Assert.InRange(error.Position, 0, text.Length);
            }
        }
    }
}
