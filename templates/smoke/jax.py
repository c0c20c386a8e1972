"""mlk smoke test for JAX: joins the distributed runtime from the MLK_* variables mlk sets,
sums one value per device across all processes, and checks it. Replace it with your
training script through `mlk train --command`."""
import os

import jax
import jax.numpy as jnp

nodes = int(os.environ.get("MLK_NUM_NODES", "1"))
if nodes > 1:
    jax.distributed.initialize(
        coordinator_address=f"{os.environ['MLK_MASTER_ADDR']}:{os.environ['MLK_MASTER_PORT']}",
        num_processes=nodes,
        process_id=int(os.environ["MLK_NODE_RANK"]),
    )
total = jax.pmap(lambda x: jax.lax.psum(x, "i"), axis_name="i")(jnp.ones(jax.local_device_count()))
assert int(total[0]) == jax.device_count(), total
print(f"mlk smoke test passed: {jax.device_count()} devices in {jax.process_count()} processes", flush=True)
