using CsCheck;
using GrokDsl.Validation;

namespace GrokDsl.Runs.Tests;

/// <summary>
/// The id rule (experiment, component and plugin ids) and the run store's last line of defence: whatever an id
/// holds, no run folder is made outside the runs root.
/// </summary>
public sealed class IdRulesTests
{
    const string Allowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.";

    // Mostly allowed characters, with the ones that matter for paths mixed in often enough to be found.
    static readonly Gen<string> Ids = Gen.Frequency(
            (8, Gen.Char[Allowed]),
            (1, Gen.Char["/\\.: \t\u0000*?\"<>|~é"]))
        .Array[0, 80]
        .Select(static chars => new string(chars));

    [Fact]
    public void AValidId_KeepsToTheCharacterSet_WithNoPathSeparatorNoDotDotAndAtMost64Characters() =>
        Ids.Sample(static id =>
        {
            if (!IdRules.IsValid(id)) return true;
            return id.Length is > 0 and <= IdRules.MaxLength
                   && id.All(static c => Allowed.Contains(c))
                   && char.IsAsciiLetterOrDigit(id[0])
                   && !id.Contains("..", StringComparison.Ordinal)
                   && !id.EndsWith('.');
        });

    [Fact]
    public void AnIdMadeOfTheCharacterSet_IsValid_UnlessItBreaksAPositionRule() =>
        Gen.Char[Allowed].Array[1, IdRules.MaxLength].Select(static c => new string(c)).Sample(static id =>
        {
            var breaksARule = !char.IsAsciiLetterOrDigit(id[0]) || id.Contains("..", StringComparison.Ordinal) || id.EndsWith('.');
            return IdRules.IsValid(id) != breaksARule;
        });

    [Fact]
    public void EveryRefusedId_SaysWhy() =>
        Ids.Sample(static id => IdRules.IsValid(id) || IdRules.Problem(id) is { Length: > 0 });

    [Theory]
    [InlineData("../../x", "contains a path separator '/'")]
    [InlineData("C:\\\\runs", "contains ':'")]
    [InlineData("..", "starts with '.'")]
    [InlineData("a..b", "contains '..'")]
    [InlineData("", "is empty")]
    [InlineData("x.", "ends with '.'")]
    public void TheProblemIsNamed(string id, string problem) => Assert.StartsWith(problem, IdRules.Problem(id));

    [Fact]
    public void AValidIdAlwaysNamesARunFolderTwoLevelsUnderTheRoot() =>
        Gen.Select(Ids, Ids).Sample(static (experiment, run) =>
        {
            var root = Path.Combine(Path.GetTempPath(), "grokdsl-ids", "runs");
            if (!IdRules.IsValid(experiment) || !IdRules.IsValid(run)) return true;
            var directory = RunDirectory.For(root, experiment, run);
            return Path.GetDirectoryName(Path.GetDirectoryName(directory.Path)) == root;
        });

    [Fact]
    public void NoIdWhatsoever_MakesARunFolderOutsideTheRoot() =>
        Gen.Select(Ids, Ids).Sample(static (experiment, run) =>
        {
            var root = Path.Combine(Path.GetTempPath(), "grokdsl-ids", "runs");
            try
            {
                var directory = RunDirectory.For(root, experiment, run);
                return Path.GetDirectoryName(Path.GetDirectoryName(directory.Path)) == root;
            }
            catch (ArgumentException)
            {
                return true;
            }
        });

    [Theory]
    [InlineData("../../x")]
    [InlineData("/tmp/absolute")]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("")]
    public void RunDirectory_RefusesAnExperimentIdThatLeavesTheRoot(string id)
    {
        var error = Assert.Throws<ArgumentException>(() => RunDirectory.For("/tmp/runs", id, "abc"));
        Assert.Contains($"experiment id '{id}'", error.Message);
    }
}
