"""mlk smoke test for XGBoost: trains a few rounds on generated data (on the GPU when one
is present) and checks that the error falls. Replace it with your training script through
`mlk train --command`."""
import numpy as np
import xgboost as xgb

rng = np.random.default_rng(0)
x = rng.normal(size=(2000, 8))
y = (x[:, 0] + x[:, 1] > 0).astype(int)
data = xgb.DMatrix(x, label=y)
device = "cuda" if xgb.build_info().get("USE_CUDA") else "cpu"
history = {}
xgb.train({"objective": "binary:logistic", "device": device, "eval_metric": "error"}, data, 10, evals=[(data, "train")], evals_result=history, verbose_eval=False)
errors = history["train"]["error"]
assert errors[-1] < errors[0], errors
print(f"mlk smoke test passed: error {errors[0]:.3f} -> {errors[-1]:.3f} on {device}", flush=True)
