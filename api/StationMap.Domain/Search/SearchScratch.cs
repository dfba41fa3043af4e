namespace StationMap.Domain.Search;

/// <summary>
/// Per-thread working arrays of a search, sized for the largest index the thread has searched: which values match
/// and how, which stations were seen. An entry counts only when its stamp is the current search's, so nothing is
/// cleared between searches.
/// </summary>
internal sealed class SearchScratch
{
    [ThreadStatic]
    private static SearchScratch? t_scratch;

    private int[] _valueStamps = [];
    private byte[] _valueTiers = [];
    private UInt128[] _valueMasks = [];
    private int[] _maskStamps = [];
    private int[] _stationStamps = [];
    private readonly ChordQueue[] _queues = new ChordQueue[5];
    private int _stamp;
    private int _sighting;

    /// <summary>This thread's arrays, ready for a new search over <paramref name="values"/> values and <paramref name="stations"/> stations.</summary>
    public static SearchScratch Begin(int values, int stations)
    {
        var scratch = t_scratch ??= new SearchScratch();
        if (scratch._valueStamps.Length <= values)
        {
            scratch._valueStamps = new int[values + 1];
            scratch._valueTiers = new byte[values + 1];
            scratch._maskStamps = new int[values + 1];
            scratch._valueMasks = new UInt128[values + 1];
        }
        if (scratch._stationStamps.Length < stations)
        {
            scratch._stationStamps = new int[stations];
        }
        if (scratch._stamp == int.MaxValue)
        {
            Array.Clear(scratch._valueStamps);
            Array.Clear(scratch._maskStamps);
            scratch._stamp = 0;
        }
        scratch._stamp++;
        scratch.NewSightings();
        return scratch;
    }

    /// <summary>A reusable list of station ranks, emptied.</summary>
    public List<int> Ranks
    {
        get
        {
            field ??= new List<int>(256);
            field.Clear();
            return field;
        }
    }

    /// <summary>The queue of one tier's stream (1-4; 0 for partial matches).</summary>
    public ChordQueue QueueOf(int tier) => _queues[tier] ??= new ChordQueue(256);

    /// <summary>The tier of a value in this search (0: it does not hold the query), when it has been set.</summary>
    public bool TryTierOf(int value, out int tier)
    {
        tier = _valueTiers[value];
        return _valueStamps[value] == _stamp;
    }

    public void SetTier(int value, int tier)
    {
        _valueStamps[value] = _stamp;
        _valueTiers[value] = (byte)tier;
    }

    /// <summary>Which of the query's pairs a value holds (bit i: pair i); none unless <see cref="AddPair"/> said so.</summary>
    public UInt128 MaskOf(int value) => _maskStamps[value] == _stamp ? _valueMasks[value] : UInt128.Zero;

    /// <summary>Records that a value holds pair <paramref name="bit"/>; true the first time the value gets one.</summary>
    public bool AddPair(int value, int bit)
    {
        var first = _maskStamps[value] != _stamp;
        if (first)
        {
            _maskStamps[value] = _stamp;
            _valueMasks[value] = UInt128.Zero;
        }
        _valueMasks[value] |= UInt128.One << bit;
        return first;
    }

    /// <summary>A reusable list of values, emptied.</summary>
    public List<int> Values
    {
        get
        {
            field ??= new List<int>(256);
            field.Clear();
            return field;
        }
    }

    /// <summary>Forgets which stations were seen, for another pass over them.</summary>
    public void NewSightings()
    {
        if (_sighting == int.MaxValue)
        {
            Array.Clear(_stationStamps);
            _sighting = 0;
        }
        _sighting++;
    }

    /// <summary>Marks a station seen; false when it already was since <see cref="NewSightings"/>.</summary>
    public bool FirstSight(int position)
    {
        if (_stationStamps[position] == _sighting)
        {
            return false;
        }
        _stationStamps[position] = _sighting;
        return true;
    }
}
