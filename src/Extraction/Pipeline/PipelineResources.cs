using Extraction.Facts;

namespace Extraction.Pipeline;

/// <summary>What the builder loaded once for the stages it makes: the model files, the actor gazetteer, the cue words and the options.</summary>
public sealed record PipelineResources(PipelineOptions Options, ModelFiles Models, ActorGazetteer Actors, CueLexicon Cues);
