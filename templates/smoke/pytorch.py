"""mlk smoke test for PyTorch: every rank joins the process group, all-reduces its rank
over NCCL (GPU) or Gloo (CPU), and checks the sum. Replace it with your training script
through `mlk train --command`."""
import os

import torch
import torch.distributed as dist

backend = "nccl" if torch.cuda.is_available() else "gloo"
dist.init_process_group(backend)
rank, world = dist.get_rank(), dist.get_world_size()
device = torch.device("cuda", int(os.environ.get("LOCAL_RANK", "0"))) if backend == "nccl" else torch.device("cpu")
if backend == "nccl":
    torch.cuda.set_device(device)
value = torch.tensor([float(rank)], device=device)
dist.all_reduce(value)
expected = world * (world - 1) / 2
assert value.item() == expected, f"all-reduce gave {value.item()}, expected {expected}"
if rank == 0:
    print(f"mlk smoke test passed: {world} ranks over {backend}", flush=True)
dist.destroy_process_group()
