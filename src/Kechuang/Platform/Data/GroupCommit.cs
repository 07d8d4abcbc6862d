namespace Kechuang.Platform.Data;

/// <summary>
/// Group commit for a hot statement: requests that arrive while the previous batch is in the database wait for
/// it and then go together, as one call with arrays. A request on an idle queue goes at once and alone, so a
/// quiet system pays no delay; a busy one pays one round trip per batch instead of one per request. At most
/// one batch of a queue runs at a time. Requests with the same <c>exclusiveKey</c> never share a batch (the
/// later one goes in the next, where it sees what the earlier one wrote). Answers are set off the draining
/// task (continuations run asynchronously), after the batch's call has returned.
/// </summary>
public sealed class GroupCommit<TRequest, TAnswer>(
    Func<IReadOnlyList<TRequest>, Task<TAnswer[]>> execute, int maxBatch, Func<TRequest, object>? exclusiveKey = null)
    where TRequest : notnull
{
    private readonly Lock _gate = new();
    private List<(TRequest Request, TaskCompletionSource<TAnswer> Answer)> _waiting = [];
    private bool _draining;

    public Task<TAnswer> EnqueueAsync(TRequest request)
    {
        var answer = new TaskCompletionSource<TAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (_gate)
        {
            _waiting.Add((request, answer));
            start = !_draining;
            _draining = true;
        }
        if (start)
        {
            _ = Task.Run(DrainAsync);
        }
        return answer.Task;
    }

    private async Task DrainAsync()
    {
        while (TakeBatch() is { } batch)
        {
            try
            {
                var answers = await execute([.. batch.Select(b => b.Request)]);
                if (answers.Length != batch.Count)
                {
                    throw new InvalidOperationException($"a batch of {batch.Count} got {answers.Length} answers");
                }
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Answer.TrySetResult(answers[i]);
                }
            }
            catch (Exception e)
            {
                // Nothing of the batch was kept (one call, one transaction): every request gets the failure.
                foreach (var (_, answer) in batch)
                {
                    answer.TrySetException(e);
                }
            }
        }
    }

    /// <summary>The next batch in order of arrival, or null (and draining ends) when nothing waits.</summary>
    private List<(TRequest Request, TaskCompletionSource<TAnswer> Answer)>? TakeBatch()
    {
        lock (_gate)
        {
            if (_waiting.Count == 0)
            {
                _draining = false;
                return null;
            }
            var waiting = _waiting;
            if (waiting.Count <= 1 || (waiting.Count <= maxBatch && exclusiveKey is null))
            {
                _waiting = [];
                return waiting;
            }
            _waiting = [];
            var batch = new List<(TRequest, TaskCompletionSource<TAnswer>)>(Math.Min(waiting.Count, maxBatch));
            var keys = exclusiveKey is null ? null : new HashSet<object>();
            foreach (var item in waiting)
            {
                if (batch.Count < maxBatch && (keys is null || keys.Add(exclusiveKey!(item.Request))))
                {
                    batch.Add(item);
                }
                else
                {
                    _waiting.Add(item);
                }
            }
            return batch;
        }
    }
}
