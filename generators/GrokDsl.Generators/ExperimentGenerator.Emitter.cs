using System.Collections.Generic;
using System.Linq;
using GrokDsl.Generators.Model;

namespace GrokDsl.Generators;

public sealed partial class ExperimentGenerator
{
    /// <summary>
    /// Writes the typed pipeline of one experiment: identity, canonical configuration, run
    /// specification, sweep expansion and catalog registration. Users step into this code and it is
    /// snapshot-tested, so it is written to be read.
    /// </summary>
    internal static class Emitter
    {
        const string Dsl = "global::GrokDsl";

        public static string Emit(ExperimentSpec spec)
        {
            var w = SourceWriter.WithHeader();
            w.WriteLine($"[assembly: {Dsl}.RegisteredExperiment(typeof({spec.FullyQualifiedName}))]");
            w.WriteLine();
            if (spec.Namespace is not null)
            {
                w.WriteLine($"namespace {spec.Namespace};");
                w.WriteLine();
            }

            w.OpenBlock($"partial record {spec.TypeName} : {Dsl}.IExperiment");
            WriteInfo(w, spec);
            w.WriteLine();
            WriteConfiguration(w, spec);
            w.WriteLine();
            WriteRunSpec(w, spec);
            w.WriteLine();
            WriteSweep(w, spec);
            w.WriteLine();
            WriteValidate(w, spec);
            w.CloseBlock();
            return w.ToString();
        }

        static void WriteInfo(SourceWriter w, ExperimentSpec spec)
        {
            var axes = string.Join(", ", spec.SweepAxes.Select(a => Quote(a.PropertyName)));
            w.WriteLine("/// <summary>The experiment's identity, as its attribute declares it.</summary>");
            w.WriteLine($"public static {Dsl}.ExperimentInfo Info {{ get; }} = new(");
            w.Indentation++;
            w.WriteLine($"Id: {Quote(spec.Id)},");
            w.WriteLine($"TypeName: {Quote(spec.TypeName)},");
            w.WriteLine($"Source: {(spec.Source is null ? "null" : Quote(spec.Source))},");
            if (spec.SweepAxes.Count == 0)
            {
                w.WriteLine($"SweepAxes: [{axes}]);");
            }
            else
            {
                // The sweep's size is known from these without expanding it (see ExperimentInfo.SweepSize).
                w.WriteLine($"SweepAxes: [{axes}])");
                w.Indentation--;
                w.WriteLine("{");
                w.Indentation++;
                w.WriteLine("AxisSizes =");
                w.WriteLine("[");
                w.Indentation++;
                foreach (var axis in spec.SweepAxes)
                    w.WriteLine($"new {Dsl}.SweepAxisSize({Quote(axis.PropertyName)}, {axis.Values.Count}{(axis.Zip is null ? "" : $", {Quote(axis.Zip)}")}),");
                w.Indentation--;
                w.WriteLine("],");
                w.CloseBlock(";");
                w.Indentation++;
            }
            w.Indentation--;
            w.WriteLine();
            w.WriteLine($"{Dsl}.ExperimentInfo {Dsl}.IExperiment.Info => Info;");
        }

        static void WriteConfiguration(SourceWriter w, ExperimentSpec spec)
        {
            w.WriteLine("/// <summary>Every resolved setting of this run; its hash is the run id.</summary>");
            w.OpenBlock($"public {Dsl}.Configuration.ConfigurationWriter WriteConfiguration()");
            w.WriteLine($"var configuration = new {Dsl}.Configuration.ConfigurationWriter();");
            w.WriteLine("configuration.Write(\"Experiment\", Info.Id);");
            foreach (var property in spec.Properties.OrderBy(p => p.Name, System.StringComparer.Ordinal))
                w.WriteLine($"configuration.Write(nameof({property.Name}), {property.Name});");
            w.WriteLine("return configuration;");
            w.CloseBlock();
        }

        static void WriteRunSpec(SourceWriter w, ExperimentSpec spec)
        {
            var dataset = spec.Find(PropertyRole.Dataset)!;
            var model = spec.Find(PropertyRole.Model)!;
            w.WriteLine("/// <summary>What the trainer runs: components by id, their options as data.</summary>");
            w.OpenBlock($"public {Dsl}.RunSpec ToRunSpec()");
            w.WriteLine("var configuration = WriteConfiguration();");
            w.WriteLine($"return new {Dsl}.RunSpec(");
            w.Indentation++;
            w.WriteLine("Experiment: Info,");
            w.WriteLine("RunId: configuration.RunId(),");
            w.WriteLine("Configuration: configuration.ToJson(),");
            w.WriteLine($"Seed: {spec.Find(PropertyRole.Seed)?.Name ?? "0"},");
            w.WriteLine($"Dataset: {ComponentRef("Dataset", dataset)},");
            w.WriteLine($"Model: {ComponentRef("Model", model)},");
            w.WriteLine($"Measures: {Dsl}.Contracts.ComponentRef.Measures({spec.Find(PropertyRole.Measures)?.Name ?? "[]"}),");
            w.WriteLine($"Optimizer: {spec.Find(PropertyRole.Optimizer)!.Name},");
            w.WriteLine($"Training: {spec.Find(PropertyRole.Training)?.Name ?? $"new {Dsl}.Training()"},");
            w.WriteLine($"Stopping: {spec.Find(PropertyRole.Stopping)?.Name ?? $"new {Dsl}.Stopping()"});");
            w.Indentation--;
            w.CloseBlock();
        }

        static string ComponentRef(string kind, PropertySpec property) =>
            $"new({Dsl}.ComponentKind.{kind}, {Quote(property.ComponentId!)}, {Dsl}.Contracts.ComponentOptions.From({property.Name}))";

        static void WriteSweep(SourceWriter w, ExperimentSpec spec)
        {
            w.WriteLine("/// <summary>The sweep's runs, made one at a time as they are enumerated; the first axis varies slowest.</summary>");
            w.OpenBlock($"public global::System.Collections.Generic.IEnumerable<{Dsl}.IExperiment> ExpandSweep()");
            if (spec.SweepAxes.Count == 0)
            {
                w.WriteLine("yield return this;");
                w.CloseBlock();
                return;
            }

            var groups = spec.SweepGroups();
            foreach (var group in groups)
            {
                w.WriteLine(group.Count == 1 ? AxisLoop(group[0]) : ZippedLoop(group));
                w.Indentation++;
            }

            var assignments = string.Join(", ", spec.SweepAxes.Select(a => $"{a.PropertyName} = {Local(a)}"));
            if (spec.SweepExclusions.Count == 0)
            {
                w.WriteLine($"yield return this with {{ {assignments} }};");
            }
            else
            {
                // The body opens where the innermost loop's statement would go.
                w.Indentation--;
                w.WriteLine("{");
                w.Indentation++;
                w.WriteLine($"var run = this with {{ {assignments} }};");
                w.WriteLine($"if ({string.Join(" || ", spec.SweepExclusions.Select(m => $"run.{m}()"))}) continue;");
                w.WriteLine("yield return run;");
                w.CloseBlock();
                w.Indentation++;
            }
            w.Indentation -= groups.Count;
            w.CloseBlock();
        }

        static void WriteValidate(SourceWriter w, ExperimentSpec spec)
        {
            w.WriteLine("/// <summary>Every option value that breaks a rule its record declares; empty when valid.</summary>");
            w.OpenBlock("public global::System.Collections.Generic.IReadOnlyList<string> Validate()");
            w.WriteLine("var problems = new global::System.Collections.Generic.List<string>();");
            foreach (var property in spec.Properties)
                w.WriteLine($"{Dsl}.Validation.OptionChecks.Check(nameof({property.Name}), {property.Name}, problems);");
            w.WriteLine("return problems;");
            w.CloseBlock();
        }

        static string AxisLoop(SweepAxisSpec axis) =>
            $"foreach (var {Local(axis)} in new {axis.TypeName}[] {{ {string.Join(", ", axis.Values)} }})";

        // Zipped axes iterate one array of tuples, so pairing is visible in the generated code.
        static string ZippedLoop(IReadOnlyList<SweepAxisSpec> group)
        {
            var names = string.Join(", ", group.Select(Local));
            var types = string.Join(", ", group.Select(a => $"{a.TypeName} {a.PropertyName}"));
            var tuples = Enumerable.Range(0, group[0].Values.Count)
                .Select(i => "(" + string.Join(", ", group.Select(a => a.Values[i])) + ")");
            return $"foreach (var ({names}) in new ({types})[] {{ {string.Join(", ", tuples)} }})";
        }

        // The suffix keeps loop variables apart from `run` (an axis may be called Run) and from keywords.
        static string Local(SweepAxisSpec axis) => char.ToLowerInvariant(axis.PropertyName[0]) + axis.PropertyName.Substring(1) + "Value";

        static string Quote(string text) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true);
    }
}
