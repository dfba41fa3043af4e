using StationMap.Domain.Queries;

namespace StationMap.Api.Infrastructure.QueryValues;

/// <summary>A comma-separated list of words from a fixed vocabulary (kinds, amenities).</summary>
public abstract class QueryList(string raw) : QueryValue(raw)
{
    protected IEnumerable<string> Items => Raw.Split(',', StringSplitOptions.TrimEntries);

    public override void Check(QueryRule rule, List<ParameterProblem> problems)
    {
        foreach (var item in Items)
        {
            if (item.Length == 0)
            {
                problems.Add(new(rule.Name, "has an empty item in its comma-separated list"));
            }
            else if (!IsKnown(item))
            {
                problems.Add(new(rule.Name, Unknown(Echo(item))));
            }
        }
    }

    protected abstract bool IsKnown(string item);

    protected abstract string Unknown(string item);
}
