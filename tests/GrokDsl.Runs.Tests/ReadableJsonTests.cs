using GrokDsl.Configuration;

namespace GrokDsl.Runs.Tests;

/// <summary>config.json reads as people write it, while the run id stays the hash it always was.</summary>
public sealed class ReadableJsonTests
{
    static ConfigurationWriter Configuration()
    {
        var writer = new ConfigurationWriter();
        writer.Write("Operation", "a+b");
        writer.Write("Seed", 1);
        return writer;
    }

    [Fact]
    public void TheConfigurationFileWritesPlusAsItself()
    {
        var json = Configuration().ToJson();

        Assert.Contains("\"Operation\": \"a+b\"", json);
        Assert.DoesNotContain("\\u002B", json);
    }

    [Fact]
    public void TheRunIdIsStillHashedOverTheStrictlyEscapedCompactJson()
    {
        var writer = Configuration();

        // The hash input of every run id stored so far escaped '+' as \u002B; readable files must not change it.
        Assert.Equal(RunIds.FromCanonicalJson("""{"Operation":"a\u002Bb","Seed":1}"""), writer.RunId());
        Assert.Equal("b6b3bf838f49", writer.RunId());
        Assert.Equal(writer.RunId(), RunIds.FromStoredConfiguration(writer.ToJson()));
    }
}
