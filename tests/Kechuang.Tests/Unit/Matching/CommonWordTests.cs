using Kechuang.Modules.Matching.Engine;

namespace Kechuang.Tests.Unit.Matching;

/// <summary>
/// A word found in a large share of the index adds to the records that rarer words find, and alone it still finds; once
/// the best list is full, the records only it could reach are not scored, and the count says it is a lower bound.
/// </summary>
public sealed class CommonWordTests
{
    private static MatchEngine Engine(Lucene.Net.Store.RAMDirectory folder, int commonRecords)
    {
        var engine = new MatchEngine(folder, ChineseSegmenter.Shared) { Thesaurus = new Thesaurus([], ["保温杯", "激光焊接"]) };
        for (var i = 0; i < commonRecords; i++)
        {
            engine.Add(new MatchDocument(MatchKinds.Achievement, new Guid(i, 0, 0, new byte[8]), $"齿轮箱生产工艺{i}", null, "齿轮箱", "提高生产效率", null));
        }
        // Two records with the rare word; the second also has the common word, so it must rank first.
        engine.Add(new MatchDocument(MatchKinds.Achievement, Rare1, "保温杯激光焊接", null, "保温杯", "杯体焊缝质量", null));
        engine.Add(new MatchDocument(MatchKinds.Achievement, Rare2, "保温杯激光焊接", null, "保温杯", "杯体焊缝质量，提高生产效率", null));
        engine.Commit(0, "test");
        return engine;
    }

    private static readonly Guid Rare1 = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Rare2 = Guid.Parse("00000000-0000-0000-0000-0000000000a2");

    [Fact]
    public void InALargeIndex_ACommonWordAddsToRecordsThatRarerWordsFound()
    {
        using var folder = new Lucene.Net.Store.RAMDirectory();
        using var engine = Engine(folder, 1500);

        var (hits, total, exact) = engine.Search(new MatchQuery(MatchKinds.Achievement, "保温杯激光焊接如何提高生产效率", null), 10);

        Assert.Equal([Rare2, Rare1], hits.Take(2).Select(h => h.Id));
        Assert.True(hits[0].Score > hits[1].Score);
        Assert.True(hits[1].Score > hits[2].Score);
        Assert.False(exact);
        Assert.InRange(total, 10, 1502);
    }

    [Fact]
    public void AQueryOfCommonWordsOnly_StillFindsTheirRecords()
    {
        using var folder = new Lucene.Net.Store.RAMDirectory();
        using var engine = Engine(folder, 1500);

        var (hits, total, _) = engine.Search(new MatchQuery(MatchKinds.Achievement, "提高生产效率", null), 200);

        Assert.Equal(200, hits.Count);
        Assert.InRange(total, 200, 1501); // the common records and the one rare record that also says 提高生产效率
    }

    [Fact]
    public void InACountySizedIndex_EveryRecordIsCounted()
    {
        using var folder = new Lucene.Net.Store.RAMDirectory();
        using var engine = Engine(folder, 150);

        var (hits, total, exact) = engine.Search(new MatchQuery(MatchKinds.Achievement, "保温杯激光焊接如何提高生产效率", null), 200);

        Assert.True(exact);
        Assert.Equal(152, total);
        Assert.Equal(Rare2, hits[0].Id);
    }
}
