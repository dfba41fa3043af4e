using System.Globalization;
using System.Text;

namespace StationMap.DemoData.Places;

/// <summary>
/// How other lists write the same station: companies' short names (工行 for 中国工商银行), the generic words swapped,
/// bracketed or dropped, the city left out of a branch name, full-width digits, addresses without the city and
/// district, phone numbers written differently or replaced by a company hotline. The table is the generator's own,
/// written from real lists, not the matcher's (<c>place-names.json</c>), so the test is not the matcher checking itself.
/// </summary>
internal static class SourceVariants
{
    private static readonly Dictionary<string, string[]> ShortNames = new()
    {
        ["中国工商银行"] = ["工行", "工商银行", "中国工商银行"],
        ["中国建设银行"] = ["建行", "建设银行", "中国建设银行"],
        ["中国农业银行"] = ["农行", "农业银行", "中国农业银行"],
        ["中国银行"] = ["中行", "中国银行"],
        ["交通银行"] = ["交行", "交通银行"],
        ["中国邮政储蓄银行"] = ["邮储银行", "邮政储蓄银行", "中国邮政储蓄银行"],
        ["招商银行"] = ["招行", "招商银行"],
        ["中国民生银行"] = ["民生银行"],
        ["中国光大银行"] = ["光大银行"],
        ["北京农商银行"] = ["北京农村商业银行", "北京农商银行"],
        ["天津农商银行"] = ["天津农村商业银行"],
        ["河北省农村信用社"] = ["河北农信", "农村信用社"],
        ["中国石化"] = ["中石化", "中国石化"],
        ["中国石油"] = ["中石油", "中国石油"],
    };

    private static readonly Dictionary<string, string> Hotlines = new()
    {
        ["中国工商银行"] = "95588", ["中国建设银行"] = "95533", ["中国农业银行"] = "95599", ["中国银行"] = "95566",
        ["交通银行"] = "95559", ["中国邮政储蓄银行"] = "95580", ["招商银行"] = "95555", ["中国石化"] = "95105888",
        ["中国石油"] = "95504",
    };

    private static readonly string[] GenericWords = ["暖心驿站", "户外劳动者服务站", "爱心驿站", "环卫工人休息站"];

    /// <summary>A company list's name: the short name, the city perhaps left out, the generic word changed.</summary>
    public static string HostListName(Random random, string name, string branchCity)
    {
        var (body, generic) = Split(name);
        var brand = ShortNames.Keys.Where(k => body.StartsWith(k, StringComparison.Ordinal)).OrderByDescending(k => k.Length).FirstOrDefault();
        if (brand is not null && random.Next(10) < 8)
        {
            var shortNames = ShortNames[brand];
            body = shortNames[random.Next(shortNames.Length)] + body[brand.Length..];
        }
        if (branchCity.Length > 0 && random.Next(2) == 0)
        {
            body = RemoveFirst(body, branchCity);
        }
        return random.Next(4) switch
        {
            0 => body,
            1 => body + "（" + generic + "）",
            2 => body + GenericWords[random.Next(GenericWords.Length)],
            _ => body + " " + generic,
        };
    }

    /// <summary>An OpenStreetMap name: the outlet's own name, mostly without the union's word, sometimes with the branch in brackets.</summary>
    public static string OsmName(Random random, string name, string branchCity)
    {
        var (body, generic) = Split(name);
        if (branchCity.Length > 0 && random.Next(5) == 0)
        {
            var at = body.IndexOf(branchCity, StringComparison.Ordinal);
            if (at > 0)
            {
                body = body[..at] + (random.Next(2) == 0 ? "(" : "（") + body[at..] + (random.Next(2) == 0 ? ")" : "）");
            }
        }
        return random.Next(10) < 7 ? body : body + generic;
    }

    /// <summary>
    /// A name where the outlet is written another way (前门 as 前门大街, a character dropped): the few records whose
    /// names alone would not say they are the same station.
    /// </summary>
    public static string Garbled(Random random, string name, string area)
    {
        if (area.Length == 0 || !name.Contains(area, StringComparison.Ordinal))
        {
            return name;
        }
        var other = random.Next(2) == 0 || area.Length < 3 ? area + "大街" : area[..^1];
        return name.Replace(area, other, StringComparison.Ordinal);
    }

    /// <summary>An address as another list writes it: without the city and district, or with full-width digits.</summary>
    public static string? Address(Random random, string? address, string prefix)
    {
        if (address is null)
        {
            return null;
        }
        if (random.Next(10) < 4 && address.StartsWith(prefix, StringComparison.Ordinal))
        {
            address = address[prefix.Length..];
        }
        return random.Next(10) < 3 ? FullWidthDigits(address) : address;
    }

    /// <summary>The phone as a company list writes it: reformatted, or its hotline (which names no branch), or missing.</summary>
    public static string? HostListPhone(Random random, string? phone, string name)
    {
        var draw = random.Next(100);
        if (phone is null || draw < 12)
        {
            return null;
        }
        if (draw < 20)
        {
            var brand = Hotlines.Keys.FirstOrDefault(k => name.StartsWith(k, StringComparison.Ordinal));
            return brand is null ? null : Hotlines[brand];
        }
        var dash = phone.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0 || draw < 60)
        {
            return phone;
        }
        return draw < 80 ? "(" + phone[..dash] + ")" + phone[(dash + 1)..] : phone[..dash] + " " + phone[(dash + 1)..];
    }

    public static string FullWidthDigits(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            result.Append(c is >= '0' and <= '9' ? (char)('０' + (c - '0')) : c);
        }
        return result.ToString();
    }

    /// <summary>The name of a different station of the same company nearby: another neighbourhood's outlet.</summary>
    public static string Neighbour(Random random, string name, string area, string[] areas)
    {
        var others = areas.Where(a => a != area && !a.Contains(area, StringComparison.Ordinal) && !area.Contains(a, StringComparison.Ordinal)).ToArray();
        if (area.Length == 0 || others.Length == 0 || !name.Contains(area, StringComparison.Ordinal))
        {
            return "第二" + name;
        }
        // One in four: the same neighbourhood's second outlet (中国石化窦店第二加油站), otherwise the next neighbourhood's.
        return random.Next(4) == 0
            ? name.Replace(area, area + "第二", StringComparison.Ordinal)
            : name.Replace(area, others[random.Next(others.Length)], StringComparison.Ordinal);
    }

    /// <summary>Another door on the same road: 88号 becomes 12号.</summary>
    public static string? OtherNumber(Random random, string? address)
    {
        if (address is null)
        {
            return null;
        }
        var hao = address.LastIndexOf('号');
        var start = hao;
        while (start > 0 && char.IsAsciiDigit(address[start - 1]))
        {
            start--;
        }
        if (hao <= 0 || start == hao)
        {
            return address;
        }
        var number = int.Parse(address[start..hao], CultureInfo.InvariantCulture);
        var other = number + 1 + random.Next(1, 60);
        return address[..start] + other.ToString(CultureInfo.InvariantCulture) + address[hao..];
    }

    // "中国工商银行北京前门支行 暖心驿站" → ("中国工商银行北京前门支行", "暖心驿站"); names without the word keep it empty.
    private static (string Body, string Generic) Split(string name)
    {
        var space = name.LastIndexOf(' ');
        return space > 0 ? (name[..space], name[(space + 1)..]) : (name, "");
    }

    private static string RemoveFirst(string text, string part)
    {
        var at = text.IndexOf(part, StringComparison.Ordinal);
        return at < 0 ? text : text.Remove(at, part.Length);
    }
}
