"""mlk smoke test for TensorFlow: builds the strategy that TF_CONFIG describes, runs one
cross-replica reduction, and checks it. Replace it with your training script through
`mlk train --command`."""
import json
import os

import tensorflow as tf

config = json.loads(os.environ.get("TF_CONFIG", "{}"))
cluster = config.get("cluster", {})
if "ps" in cluster:
    role = config.get("task", {}).get("type", "")
    if role in ("worker", "ps"):
        resolver = tf.distribute.cluster_resolver.TFConfigClusterResolver()
        server = tf.distribute.Server(resolver.cluster_spec(), job_name=role, task_index=resolver.task_id, protocol="grpc", start=True)
        server.join()
    strategy = tf.distribute.experimental.ParameterServerStrategy(tf.distribute.cluster_resolver.TFConfigClusterResolver())
    with strategy.scope():
        v = tf.Variable(1.0)
    print(f"mlk smoke test passed: parameter servers hold {v.numpy()}", flush=True)
else:
    strategy = tf.distribute.MultiWorkerMirroredStrategy() if cluster else tf.distribute.MirroredStrategy()
    total = strategy.reduce(tf.distribute.ReduceOp.SUM, strategy.run(lambda: tf.constant(1.0)), axis=None)
    assert int(total.numpy()) == strategy.num_replicas_in_sync, total
    print(f"mlk smoke test passed: {strategy.num_replicas_in_sync} replicas", flush=True)
