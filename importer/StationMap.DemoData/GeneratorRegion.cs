namespace StationMap.DemoData;

/// <summary>Where <see cref="StationGenerator"/> places its stations.</summary>
public enum GeneratorRegion
{
    /// <summary>Beijing's 16 districts, with the same district model as <see cref="BeijingDemo"/>.</summary>
    Beijing,

    /// <summary>
    /// Beijing, Tianjin and the cities of Hebei, weighted by population: dense clusters around the city
    /// centres and a thin countryside background around each.
    /// </summary>
    Jingjinji,
}
