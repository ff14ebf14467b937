using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Ingest.Worker.Streaming;

/// <summary>
/// Compiles the engine's own methods before the worker consumes. Tiered compilation is off (each
/// method is compiled once, optimised, at its first call), so without this the first records of a
/// backlog wait while the parser, matcher, rules and sink are compiled: 0.3–0.7 s of a 100 000-record
/// drain, on the threads that should be processing them. Methods whose code depends on type arguments
/// (generic methods and the members of generic types) are left to their first call.
/// </summary>
internal static class CodePreparation
{
    /// <summary>The engine's assemblies as the worker uses them: those of the given types, and the <c>Ingest.*</c> ones they reference.</summary>
    public static IReadOnlyList<Assembly> EngineAssemblies(params Type[] roots)
    {
        var found = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>(roots.Select(t => t.Assembly));
        while (pending.TryPop(out var assembly))
        {
            if (!found.TryAdd(assembly.GetName().Name!, assembly))
            {
                continue;
            }
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is { } name && name.StartsWith("Ingest.", StringComparison.Ordinal) && !found.ContainsKey(name))
                {
                    pending.Push(Assembly.Load(reference));
                }
            }
        }
        return [.. found.Values];
    }

    /// <summary>Compiles every non-generic method and constructor with a body, on all cores; returns how many and how long.</summary>
    public static (int Methods, TimeSpan Elapsed) Prepare(IEnumerable<Assembly> assemblies)
    {
        var started = Stopwatch.GetTimestamp();
        var methods = assemblies.SelectMany(Loadable).Where(t => !t.ContainsGenericParameters).SelectMany(Bodies).ToList();
        var prepared = 0;
        Parallel.ForEach(methods, method =>
        {
            try
            {
                RuntimeHelpers.PrepareMethod(method.MethodHandle);
                Interlocked.Increment(ref prepared);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or InvalidOperationException or BadImageFormatException or TypeLoadException or MissingMethodException)
            {
                // Left to its first call, as without preparation.
            }
        });
        return (prepared, Stopwatch.GetElapsedTime(started));
    }

    private static IEnumerable<Type> Loadable(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }

    private static IEnumerable<MethodBase> Bodies(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var method in type.GetMethods(all))
        {
            if (!method.IsAbstract && !method.ContainsGenericParameters && (method.MethodImplementationFlags & MethodImplAttributes.InternalCall) == 0
                && (method.Attributes & MethodAttributes.PinvokeImpl) == 0)
            {
                yield return method;
            }
        }
        foreach (var constructor in type.GetConstructors(all))
        {
            // Static constructors run when their type is first used, not here.
            if (!constructor.IsStatic)
            {
                yield return constructor;
            }
        }
    }
}
