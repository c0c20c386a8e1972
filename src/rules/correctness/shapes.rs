//! The field shapes of every built-in kind, generated from k8s-openapi's JSON schemas, and
//! of the custom resources of `crds.rs`, by `api::shapes_source`;
//! `MLK_UPDATE_GENERATED=1 cargo test` rewrites this file.
use super::api::Shape::{self, Any, List, Map, Object};

pub static SHAPES: &[Shape] = &[
    Any, // 0
    Object { name: "MutatingAdmissionPolicy", fields: &[("kind", 0), ("spec", 12), ("metadata", 2), ("apiVersion", 0)] }, // 1
    Object { name: "ObjectMeta", fields: &[("uid", 0), ("name", 0), ("labels", 6), ("selfLink", 0), ("namespace", 0), ("finalizers", 5), ("generation", 0), ("annotations", 3), ("generateName", 0), ("managedFields", 9), ("ownerReferences", 11), ("resourceVersion", 0), ("creationTimestamp", 4), ("deletionTimestamp", 4), ("deletionGracePeriodSeconds", 0)] }, // 2
    Map(0), // 3
    Any, // 4
    List(0), // 5
    Map(0), // 6
    Object { name: "ManagedFieldsEntry", fields: &[("time", 4), ("manager", 0), ("fieldsV1", 8), ("operation", 0), ("apiVersion", 0), ("fieldsType", 0), ("subresource", 0)] }, // 7
    Any, // 8
    List(7), // 9
    Object { name: "OwnerReference", fields: &[("uid", 0), ("kind", 0), ("name", 0), ("apiVersion", 0), ("controller", 0), ("blockOwnerDeletion", 0)] }, // 10
    List(10), // 11
    Object { name: "MutatingAdmissionPolicySpec", fields: &[("mutations", 32), ("paramKind", 33), ("variables", 35), ("failurePolicy", 0), ("matchConditions", 14), ("matchConstraints", 15), ("reinvocationPolicy", 0)] }, // 12
    Object { name: "MatchCondition", fields: &[("name", 0), ("expression", 0)] }, // 13
    List(13), // 14
    Object { name: "MatchResources", fields: &[("matchPolicy", 0), ("resourceRules", 28), ("objectSelector", 23), ("namespaceSelector", 23), ("excludeResourceRules", 22)] }, // 15
    Object { name: "NamedRuleWithOperations", fields: &[("scope", 0), ("apiGroups", 17), ("resources", 21), ("operations", 19), ("apiVersions", 18), ("resourceNames", 20)] }, // 16
    List(0), // 17
    List(0), // 18
    List(0), // 19
    List(0), // 20
    List(0), // 21
    List(16), // 22
    Object { name: "LabelSelector", fields: &[("matchLabels", 27), ("matchExpressions", 26)] }, // 23
    Object { name: "LabelSelectorRequirement", fields: &[("key", 0), ("values", 25), ("operator", 0)] }, // 24
    List(0), // 25
    List(24), // 26
    Map(0), // 27
    List(16), // 28
    Object { name: "Mutation", fields: &[("jsonPatch", 31), ("patchType", 0), ("applyConfiguration", 30)] }, // 29
    Object { name: "ApplyConfiguration", fields: &[("expression", 0)] }, // 30
    Object { name: "JSONPatch", fields: &[("expression", 0)] }, // 31
    List(29), // 32
    Object { name: "ParamKind", fields: &[("kind", 0), ("apiVersion", 0)] }, // 33
    Object { name: "Variable", fields: &[("name", 0), ("expression", 0)] }, // 34
    List(34), // 35
    Object { name: "MutatingAdmissionPolicyBinding", fields: &[("kind", 0), ("spec", 37), ("metadata", 2), ("apiVersion", 0)] }, // 36
    Object { name: "MutatingAdmissionPolicyBindingSpec", fields: &[("paramRef", 38), ("policyName", 0), ("matchResources", 15)] }, // 37
    Object { name: "ParamRef", fields: &[("name", 0), ("selector", 23), ("namespace", 0), ("parameterNotFoundAction", 0)] }, // 38
    Object { name: "MutatingWebhookConfiguration", fields: &[("kind", 0), ("metadata", 2), ("webhooks", 51), ("apiVersion", 0)] }, // 39
    Object { name: "MutatingWebhook", fields: &[("name", 0), ("rules", 50), ("matchPolicy", 0), ("sideEffects", 0), ("clientConfig", 42), ("failurePolicy", 0), ("objectSelector", 23), ("timeoutSeconds", 0), ("matchConditions", 44), ("namespaceSelector", 23), ("reinvocationPolicy", 0), ("admissionReviewVersions", 41)] }, // 40
    List(0), // 41
    Object { name: "WebhookClientConfig", fields: &[("url", 0), ("service", 43), ("caBundle", 0)] }, // 42
    Object { name: "ServiceReference", fields: &[("name", 0), ("path", 0), ("port", 0), ("namespace", 0)] }, // 43
    List(13), // 44
    Object { name: "RuleWithOperations", fields: &[("scope", 0), ("apiGroups", 46), ("resources", 49), ("operations", 48), ("apiVersions", 47)] }, // 45
    List(0), // 46
    List(0), // 47
    List(0), // 48
    List(0), // 49
    List(45), // 50
    List(40), // 51
    Object { name: "ValidatingAdmissionPolicy", fields: &[("kind", 0), ("spec", 53), ("status", 60), ("metadata", 2), ("apiVersion", 0)] }, // 52
    Object { name: "ValidatingAdmissionPolicySpec", fields: &[("paramKind", 33), ("variables", 59), ("validations", 58), ("failurePolicy", 0), ("matchConditions", 56), ("auditAnnotations", 55), ("matchConstraints", 15)] }, // 53
    Object { name: "AuditAnnotation", fields: &[("key", 0), ("valueExpression", 0)] }, // 54
    List(54), // 55
    List(13), // 56
    Object { name: "Validation", fields: &[("reason", 0), ("message", 0), ("expression", 0), ("messageExpression", 0)] }, // 57
    List(57), // 58
    List(34), // 59
    Object { name: "ValidatingAdmissionPolicyStatus", fields: &[("conditions", 62), ("typeChecking", 63), ("observedGeneration", 0)] }, // 60
    Object { name: "Condition", fields: &[("type", 0), ("reason", 0), ("status", 0), ("message", 0), ("lastTransitionTime", 4), ("observedGeneration", 0)] }, // 61
    List(61), // 62
    Object { name: "TypeChecking", fields: &[("expressionWarnings", 65)] }, // 63
    Object { name: "ExpressionWarning", fields: &[("warning", 0), ("fieldRef", 0)] }, // 64
    List(64), // 65
    Object { name: "ValidatingAdmissionPolicyBinding", fields: &[("kind", 0), ("spec", 67), ("metadata", 2), ("apiVersion", 0)] }, // 66
    Object { name: "ValidatingAdmissionPolicyBindingSpec", fields: &[("paramRef", 38), ("policyName", 0), ("matchResources", 15), ("validationActions", 68)] }, // 67
    List(0), // 68
    Object { name: "ValidatingWebhookConfiguration", fields: &[("kind", 0), ("metadata", 2), ("webhooks", 74), ("apiVersion", 0)] }, // 69
    Object { name: "ValidatingWebhook", fields: &[("name", 0), ("rules", 73), ("matchPolicy", 0), ("sideEffects", 0), ("clientConfig", 42), ("failurePolicy", 0), ("objectSelector", 23), ("timeoutSeconds", 0), ("matchConditions", 72), ("namespaceSelector", 23), ("admissionReviewVersions", 71)] }, // 70
    List(0), // 71
    List(13), // 72
    List(45), // 73
    List(70), // 74
    Object { name: "MutatingAdmissionPolicy", fields: &[("kind", 0), ("spec", 76), ("metadata", 2), ("apiVersion", 0)] }, // 75
    Object { name: "MutatingAdmissionPolicySpec", fields: &[("mutations", 91), ("paramKind", 92), ("variables", 94), ("failurePolicy", 0), ("matchConditions", 78), ("matchConstraints", 79), ("reinvocationPolicy", 0)] }, // 76
    Object { name: "MatchCondition", fields: &[("name", 0), ("expression", 0)] }, // 77
    List(77), // 78
    Object { name: "MatchResources", fields: &[("matchPolicy", 0), ("resourceRules", 87), ("objectSelector", 23), ("namespaceSelector", 23), ("excludeResourceRules", 86)] }, // 79
    Object { name: "NamedRuleWithOperations", fields: &[("scope", 0), ("apiGroups", 81), ("resources", 85), ("operations", 83), ("apiVersions", 82), ("resourceNames", 84)] }, // 80
    List(0), // 81
    List(0), // 82
    List(0), // 83
    List(0), // 84
    List(0), // 85
    List(80), // 86
    List(80), // 87
    Object { name: "Mutation", fields: &[("jsonPatch", 90), ("patchType", 0), ("applyConfiguration", 89)] }, // 88
    Object { name: "ApplyConfiguration", fields: &[("expression", 0)] }, // 89
    Object { name: "JSONPatch", fields: &[("expression", 0)] }, // 90
    List(88), // 91
    Object { name: "ParamKind", fields: &[("kind", 0), ("apiVersion", 0)] }, // 92
    Object { name: "Variable", fields: &[("name", 0), ("expression", 0)] }, // 93
    List(93), // 94
    Object { name: "MutatingAdmissionPolicyBinding", fields: &[("kind", 0), ("spec", 96), ("metadata", 2), ("apiVersion", 0)] }, // 95
    Object { name: "MutatingAdmissionPolicyBindingSpec", fields: &[("paramRef", 97), ("policyName", 0), ("matchResources", 79)] }, // 96
    Object { name: "ParamRef", fields: &[("name", 0), ("selector", 23), ("namespace", 0), ("parameterNotFoundAction", 0)] }, // 97
    Object { name: "MutatingAdmissionPolicy", fields: &[("kind", 0), ("spec", 99), ("metadata", 2), ("apiVersion", 0)] }, // 98
    Object { name: "MutatingAdmissionPolicySpec", fields: &[("mutations", 114), ("paramKind", 115), ("variables", 117), ("failurePolicy", 0), ("matchConditions", 101), ("matchConstraints", 102), ("reinvocationPolicy", 0)] }, // 99
    Object { name: "MatchCondition", fields: &[("name", 0), ("expression", 0)] }, // 100
    List(100), // 101
    Object { name: "MatchResources", fields: &[("matchPolicy", 0), ("resourceRules", 110), ("objectSelector", 23), ("namespaceSelector", 23), ("excludeResourceRules", 109)] }, // 102
    Object { name: "NamedRuleWithOperations", fields: &[("scope", 0), ("apiGroups", 104), ("resources", 108), ("operations", 106), ("apiVersions", 105), ("resourceNames", 107)] }, // 103
    List(0), // 104
    List(0), // 105
    List(0), // 106
    List(0), // 107
    List(0), // 108
    List(103), // 109
    List(103), // 110
    Object { name: "Mutation", fields: &[("jsonPatch", 113), ("patchType", 0), ("applyConfiguration", 112)] }, // 111
    Object { name: "ApplyConfiguration", fields: &[("expression", 0)] }, // 112
    Object { name: "JSONPatch", fields: &[("expression", 0)] }, // 113
    List(111), // 114
    Object { name: "ParamKind", fields: &[("kind", 0), ("apiVersion", 0)] }, // 115
    Object { name: "Variable", fields: &[("name", 0), ("expression", 0)] }, // 116
    List(116), // 117
    Object { name: "MutatingAdmissionPolicyBinding", fields: &[("kind", 0), ("spec", 119), ("metadata", 2), ("apiVersion", 0)] }, // 118
    Object { name: "MutatingAdmissionPolicyBindingSpec", fields: &[("paramRef", 120), ("policyName", 0), ("matchResources", 102)] }, // 119
    Object { name: "ParamRef", fields: &[("name", 0), ("selector", 23), ("namespace", 0), ("parameterNotFoundAction", 0)] }, // 120
    Object { name: "StorageVersion", fields: &[("kind", 0), ("spec", 122), ("status", 123), ("metadata", 2), ("apiVersion", 0)] }, // 121
    Any, // 122
    Object { name: "StorageVersionStatus", fields: &[("conditions", 125), ("storageVersions", 129), ("commonEncodingVersion", 0)] }, // 123
    Object { name: "StorageVersionCondition", fields: &[("type", 0), ("reason", 0), ("status", 0), ("message", 0), ("lastTransitionTime", 4), ("observedGeneration", 0)] }, // 124
    List(124), // 125
    Object { name: "ServerStorageVersion", fields: &[("apiServerID", 0), ("servedVersions", 128), ("encodingVersion", 0), ("decodableVersions", 127)] }, // 126
    List(0), // 127
    List(0), // 128
    List(126), // 129
    Object { name: "ControllerRevision", fields: &[("data", 131), ("kind", 0), ("metadata", 2), ("revision", 0), ("apiVersion", 0)] }, // 130
    Any, // 131
    Object { name: "DaemonSet", fields: &[("kind", 0), ("spec", 133), ("status", 322), ("metadata", 2), ("apiVersion", 0)] }, // 132
    Object { name: "DaemonSetSpec", fields: &[("selector", 23), ("template", 134), ("updateStrategy", 320), ("minReadySeconds", 0), ("revisionHistoryLimit", 0)] }, // 133
    Object { name: "PodTemplateSpec", fields: &[("spec", 135), ("metadata", 2)] }, // 134
    Object { name: "PodSpec", fields: &[("os", 238), ("hostIPC", 0), ("hostPID", 0), ("volumes", 319), ("affinity", 136), ("hostname", 0), ("nodeName", 0), ("overhead", 239), ("priority", 0), ("dnsConfig", 213), ("dnsPolicy", 0), ("hostUsers", 0), ("resources", 190), ("subdomain", 0), ("containers", 212), ("hostAliases", 233), ("hostNetwork", 0), ("tolerations", 252), ("nodeSelector", 237), ("restartPolicy", 0), ("schedulerName", 0), ("initContainers", 236), ("readinessGates", 241), ("resourceClaims", 243), ("serviceAccount", 0), ("schedulingGates", 245), ("schedulingGroup", 246), ("securityContext", 247), ("hostnameOverride", 0), ("imagePullSecrets", 235), ("preemptionPolicy", 0), ("runtimeClassName", 0), ("priorityClassName", 0), ("setHostnameAsFQDN", 0), ("enableServiceLinks", 0), ("evictionResponders", 230), ("serviceAccountName", 0), ("ephemeralContainers", 228), ("activeDeadlineSeconds", 0), ("shareProcessNamespace", 0), ("topologySpreadConstraints", 255), ("automountServiceAccountToken", 0), ("terminationGracePeriodSeconds", 0)] }, // 135
    Object { name: "Affinity", fields: &[("podAffinity", 147), ("nodeAffinity", 137), ("podAntiAffinity", 155)] }, // 136
    Object { name: "NodeAffinity", fields: &[("requiredDuringSchedulingIgnoredDuringExecution", 145), ("preferredDuringSchedulingIgnoredDuringExecution", 144)] }, // 137
    Object { name: "PreferredSchedulingTerm", fields: &[("weight", 0), ("preference", 139)] }, // 138
    Object { name: "NodeSelectorTerm", fields: &[("matchFields", 143), ("matchExpressions", 142)] }, // 139
    Object { name: "NodeSelectorRequirement", fields: &[("key", 0), ("values", 141), ("operator", 0)] }, // 140
    List(0), // 141
    List(140), // 142
    List(140), // 143
    List(138), // 144
    Object { name: "NodeSelector", fields: &[("nodeSelectorTerms", 146)] }, // 145
    List(139), // 146
    Object { name: "PodAffinity", fields: &[("requiredDuringSchedulingIgnoredDuringExecution", 154), ("preferredDuringSchedulingIgnoredDuringExecution", 153)] }, // 147
    Object { name: "WeightedPodAffinityTerm", fields: &[("weight", 0), ("podAffinityTerm", 149)] }, // 148
    Object { name: "PodAffinityTerm", fields: &[("namespaces", 152), ("topologyKey", 0), ("labelSelector", 23), ("matchLabelKeys", 150), ("mismatchLabelKeys", 151), ("namespaceSelector", 23)] }, // 149
    List(0), // 150
    List(0), // 151
    List(0), // 152
    List(148), // 153
    List(149), // 154
    Object { name: "PodAntiAffinity", fields: &[("requiredDuringSchedulingIgnoredDuringExecution", 157), ("preferredDuringSchedulingIgnoredDuringExecution", 156)] }, // 155
    List(148), // 156
    List(149), // 157
    Object { name: "Container", fields: &[("env", 169), ("tty", 0), ("args", 159), ("name", 0), ("image", 0), ("ports", 187), ("stdin", 0), ("command", 160), ("envFrom", 173), ("lifecycle", 174), ("resources", 190), ("stdinOnce", 0), ("workingDir", 0), ("resizePolicy", 189), ("startupProbe", 184), ("volumeMounts", 211), ("livenessProbe", 184), ("restartPolicy", 0), ("volumeDevices", 208), ("readinessProbe", 184), ("imagePullPolicy", 0), ("securityContext", 199), ("restartPolicyRules", 198), ("terminationMessagePath", 0), ("terminationMessagePolicy", 0)] }, // 158
    List(0), // 159
    List(0), // 160
    Object { name: "EnvVar", fields: &[("name", 0), ("value", 0), ("valueFrom", 162)] }, // 161
    Object { name: "EnvVarSource", fields: &[("fieldRef", 164), ("fileKeyRef", 165), ("secretKeyRef", 168), ("configMapKeyRef", 163), ("resourceFieldRef", 166)] }, // 162
    Object { name: "ConfigMapKeySelector", fields: &[("key", 0), ("name", 0), ("optional", 0)] }, // 163
    Object { name: "ObjectFieldSelector", fields: &[("fieldPath", 0), ("apiVersion", 0)] }, // 164
    Object { name: "FileKeySelector", fields: &[("key", 0), ("path", 0), ("optional", 0), ("volumeName", 0)] }, // 165
    Object { name: "ResourceFieldSelector", fields: &[("divisor", 167), ("resource", 0), ("containerName", 0)] }, // 166
    Any, // 167
    Object { name: "SecretKeySelector", fields: &[("key", 0), ("name", 0), ("optional", 0)] }, // 168
    List(161), // 169
    Object { name: "EnvFromSource", fields: &[("prefix", 0), ("secretRef", 172), ("configMapRef", 171)] }, // 170
    Object { name: "ConfigMapEnvSource", fields: &[("name", 0), ("optional", 0)] }, // 171
    Object { name: "SecretEnvSource", fields: &[("name", 0), ("optional", 0)] }, // 172
    List(170), // 173
    Object { name: "Lifecycle", fields: &[("preStop", 175), ("postStart", 175), ("stopSignal", 0)] }, // 174
    Object { name: "LifecycleHandler", fields: &[("exec", 176), ("sleep", 182), ("httpGet", 178), ("tcpSocket", 183)] }, // 175
    Object { name: "ExecAction", fields: &[("command", 177)] }, // 176
    List(0), // 177
    Object { name: "HTTPGetAction", fields: &[("host", 0), ("path", 0), ("port", 181), ("scheme", 0), ("protocol", 0), ("httpHeaders", 180)] }, // 178
    Object { name: "HTTPHeader", fields: &[("name", 0), ("value", 0)] }, // 179
    List(179), // 180
    Any, // 181
    Object { name: "SleepAction", fields: &[("seconds", 0)] }, // 182
    Object { name: "TCPSocketAction", fields: &[("host", 0), ("port", 181)] }, // 183
    Object { name: "Probe", fields: &[("exec", 176), ("grpc", 185), ("httpGet", 178), ("tcpSocket", 183), ("periodSeconds", 0), ("timeoutSeconds", 0), ("failureThreshold", 0), ("successThreshold", 0), ("initialDelaySeconds", 0), ("terminationGracePeriodSeconds", 0)] }, // 184
    Object { name: "GRPCAction", fields: &[("mode", 0), ("port", 0), ("service", 0)] }, // 185
    Object { name: "ContainerPort", fields: &[("name", 0), ("hostIP", 0), ("hostPort", 0), ("protocol", 0), ("containerPort", 0)] }, // 186
    List(186), // 187
    Object { name: "ContainerResizePolicy", fields: &[("resourceName", 0), ("restartPolicy", 0)] }, // 188
    List(188), // 189
    Object { name: "ResourceRequirements", fields: &[("claims", 192), ("limits", 193), ("requests", 194)] }, // 190
    Object { name: "ResourceClaim", fields: &[("name", 0), ("request", 0)] }, // 191
    List(191), // 192
    Map(167), // 193
    Map(167), // 194
    Object { name: "ContainerRestartRule", fields: &[("action", 0), ("exitCodes", 196)] }, // 195
    Object { name: "ContainerRestartRuleOnExitCodes", fields: &[("values", 197), ("operator", 0)] }, // 196
    List(0), // 197
    List(195), // 198
    Object { name: "SecurityContext", fields: &[("procMount", 0), ("runAsUser", 0), ("privileged", 0), ("runAsGroup", 0), ("capabilities", 201), ("runAsNonRoot", 0), ("seLinuxOptions", 204), ("seccompProfile", 205), ("windowsOptions", 206), ("appArmorProfile", 200), ("readOnlyRootFilesystem", 0), ("allowPrivilegeEscalation", 0)] }, // 199
    Object { name: "AppArmorProfile", fields: &[("type", 0), ("localhostProfile", 0)] }, // 200
    Object { name: "Capabilities", fields: &[("add", 202), ("drop", 203)] }, // 201
    List(0), // 202
    List(0), // 203
    Object { name: "SELinuxOptions", fields: &[("role", 0), ("type", 0), ("user", 0), ("level", 0)] }, // 204
    Object { name: "SeccompProfile", fields: &[("type", 0), ("localhostProfile", 0)] }, // 205
    Object { name: "WindowsSecurityContextOptions", fields: &[("hostProcess", 0), ("runAsUserName", 0), ("gmsaCredentialSpec", 0), ("gmsaCredentialSpecName", 0)] }, // 206
    Object { name: "VolumeDevice", fields: &[("name", 0), ("devicePath", 0)] }, // 207
    List(207), // 208
    Object { name: "VolumeMount", fields: &[("name", 0), ("subPath", 0), ("readOnly", 0), ("mountPath", 0), ("subPathExpr", 0), ("bindMountOptions", 210), ("mountPropagation", 0), ("recursiveReadOnly", 0)] }, // 209
    List(0), // 210
    List(209), // 211
    List(158), // 212
    Object { name: "PodDNSConfig", fields: &[("options", 216), ("searches", 217), ("nameservers", 214)] }, // 213
    List(0), // 214
    Object { name: "PodDNSConfigOption", fields: &[("name", 0), ("value", 0)] }, // 215
    List(215), // 216
    List(0), // 217
    Object { name: "EphemeralContainer", fields: &[("env", 221), ("tty", 0), ("args", 219), ("name", 0), ("image", 0), ("ports", 223), ("stdin", 0), ("command", 220), ("envFrom", 222), ("lifecycle", 174), ("resources", 190), ("stdinOnce", 0), ("workingDir", 0), ("resizePolicy", 224), ("startupProbe", 184), ("volumeMounts", 227), ("livenessProbe", 184), ("restartPolicy", 0), ("volumeDevices", 226), ("readinessProbe", 184), ("imagePullPolicy", 0), ("securityContext", 199), ("restartPolicyRules", 225), ("targetContainerName", 0), ("terminationMessagePath", 0), ("terminationMessagePolicy", 0)] }, // 218
    List(0), // 219
    List(0), // 220
    List(161), // 221
    List(170), // 222
    List(186), // 223
    List(188), // 224
    List(195), // 225
    List(207), // 226
    List(209), // 227
    List(218), // 228
    Object { name: "EvictionResponder", fields: &[("name", 0), ("priority", 0)] }, // 229
    List(229), // 230
    Object { name: "HostAlias", fields: &[("ip", 0), ("hostnames", 232)] }, // 231
    List(0), // 232
    List(231), // 233
    Object { name: "LocalObjectReference", fields: &[("name", 0)] }, // 234
    List(234), // 235
    List(158), // 236
    Map(0), // 237
    Object { name: "PodOS", fields: &[("name", 0)] }, // 238
    Map(167), // 239
    Object { name: "PodReadinessGate", fields: &[("conditionType", 0)] }, // 240
    List(240), // 241
    Object { name: "PodResourceClaim", fields: &[("name", 0), ("resourceClaimName", 0), ("resourceClaimTemplateName", 0)] }, // 242
    List(242), // 243
    Object { name: "PodSchedulingGate", fields: &[("name", 0)] }, // 244
    List(244), // 245
    Object { name: "PodSchedulingGroup", fields: &[("podGroupName", 0)] }, // 246
    Object { name: "PodSecurityContext", fields: &[("fsGroup", 0), ("sysctls", 250), ("runAsUser", 0), ("runAsGroup", 0), ("runAsNonRoot", 0), ("seLinuxOptions", 204), ("seccompProfile", 205), ("windowsOptions", 206), ("appArmorProfile", 200), ("supplementalGroups", 248), ("fsGroupChangePolicy", 0), ("seLinuxChangePolicy", 0), ("supplementalGroupsPolicy", 0)] }, // 247
    List(0), // 248
    Object { name: "Sysctl", fields: &[("name", 0), ("value", 0)] }, // 249
    List(249), // 250
    Object { name: "Toleration", fields: &[("key", 0), ("value", 0), ("effect", 0), ("operator", 0), ("tolerationSeconds", 0)] }, // 251
    List(251), // 252
    Object { name: "TopologySpreadConstraint", fields: &[("maxSkew", 0), ("minDomains", 0), ("topologyKey", 0), ("labelSelector", 23), ("matchLabelKeys", 254), ("nodeTaintsPolicy", 0), ("whenUnsatisfiable", 0), ("nodeAffinityPolicy", 0)] }, // 253
    List(0), // 254
    List(253), // 255
    Object { name: "Volume", fields: &[("fc", 281), ("csi", 266), ("nfs", 294), ("rbd", 312), ("name", 0), ("image", 291), ("iscsi", 292), ("cephfs", 260), ("cinder", 262), ("secret", 315), ("flocker", 286), ("gitRepo", 288), ("quobyte", 311), ("scaleIO", 314), ("emptyDir", 271), ("hostPath", 290), ("azureDisk", 258), ("azureFile", 259), ("configMap", 263), ("ephemeral", 272), ("glusterfs", 289), ("projected", 298), ("storageos", 317), ("flexVolume", 284), ("downwardAPI", 268), ("vsphereVolume", 318), ("portworxVolume", 297), ("gcePersistentDisk", 287), ("awsElasticBlockStore", 257), ("photonPersistentDisk", 296), ("persistentVolumeClaim", 295)] }, // 256
    Object { name: "AWSElasticBlockStoreVolumeSource", fields: &[("fsType", 0), ("readOnly", 0), ("volumeID", 0), ("partition", 0)] }, // 257
    Object { name: "AzureDiskVolumeSource", fields: &[("kind", 0), ("fsType", 0), ("diskURI", 0), ("diskName", 0), ("readOnly", 0), ("cachingMode", 0)] }, // 258
    Object { name: "AzureFileVolumeSource", fields: &[("readOnly", 0), ("shareName", 0), ("secretName", 0)] }, // 259
    Object { name: "CephFSVolumeSource", fields: &[("path", 0), ("user", 0), ("monitors", 261), ("readOnly", 0), ("secretRef", 234), ("secretFile", 0)] }, // 260
    List(0), // 261
    Object { name: "CinderVolumeSource", fields: &[("fsType", 0), ("readOnly", 0), ("volumeID", 0), ("secretRef", 234)] }, // 262
    Object { name: "ConfigMapVolumeSource", fields: &[("name", 0), ("items", 265), ("optional", 0), ("defaultMode", 0), ("defaultUser", 0)] }, // 263
    Object { name: "KeyToPath", fields: &[("key", 0), ("mode", 0), ("path", 0), ("user", 0)] }, // 264
    List(264), // 265
    Object { name: "CSIVolumeSource", fields: &[("driver", 0), ("fsType", 0), ("readOnly", 0), ("volumeAttributes", 267), ("nodePublishSecretRef", 234)] }, // 266
    Map(0), // 267
    Object { name: "DownwardAPIVolumeSource", fields: &[("items", 270), ("defaultMode", 0), ("defaultUser", 0)] }, // 268
    Object { name: "DownwardAPIVolumeFile", fields: &[("mode", 0), ("path", 0), ("user", 0), ("fieldRef", 164), ("resourceFieldRef", 166)] }, // 269
    List(269), // 270
    Object { name: "EmptyDirVolumeSource", fields: &[("mode", 0), ("medium", 0), ("sizeLimit", 167)] }, // 271
    Object { name: "EphemeralVolumeSource", fields: &[("volumeClaimTemplate", 273)] }, // 272
    Object { name: "PersistentVolumeClaimTemplate", fields: &[("spec", 274), ("metadata", 2)] }, // 273
    Object { name: "PersistentVolumeClaimSpec", fields: &[("selector", 23), ("resources", 278), ("dataSource", 276), ("volumeMode", 0), ("volumeName", 0), ("accessModes", 275), ("dataSourceRef", 277), ("storageClassName", 0), ("volumeAttributesClassName", 0)] }, // 274
    List(0), // 275
    Object { name: "TypedLocalObjectReference", fields: &[("kind", 0), ("name", 0), ("apiGroup", 0)] }, // 276
    Object { name: "TypedObjectReference", fields: &[("kind", 0), ("name", 0), ("apiGroup", 0), ("namespace", 0)] }, // 277
    Object { name: "VolumeResourceRequirements", fields: &[("limits", 279), ("requests", 280)] }, // 278
    Map(167), // 279
    Map(167), // 280
    Object { name: "FCVolumeSource", fields: &[("lun", 0), ("wwids", 283), ("fsType", 0), ("readOnly", 0), ("targetWWNs", 282)] }, // 281
    List(0), // 282
    List(0), // 283
    Object { name: "FlexVolumeSource", fields: &[("driver", 0), ("fsType", 0), ("options", 285), ("readOnly", 0), ("secretRef", 234)] }, // 284
    Map(0), // 285
    Object { name: "FlockerVolumeSource", fields: &[("datasetName", 0), ("datasetUUID", 0)] }, // 286
    Object { name: "GCEPersistentDiskVolumeSource", fields: &[("fsType", 0), ("pdName", 0), ("readOnly", 0), ("partition", 0)] }, // 287
    Object { name: "GitRepoVolumeSource", fields: &[("revision", 0), ("directory", 0), ("repository", 0)] }, // 288
    Object { name: "GlusterfsVolumeSource", fields: &[("path", 0), ("readOnly", 0), ("endpoints", 0)] }, // 289
    Object { name: "HostPathVolumeSource", fields: &[("path", 0), ("type", 0)] }, // 290
    Object { name: "ImageVolumeSource", fields: &[("reference", 0), ("pullPolicy", 0)] }, // 291
    Object { name: "ISCSIVolumeSource", fields: &[("iqn", 0), ("lun", 0), ("fsType", 0), ("portals", 293), ("readOnly", 0), ("secretRef", 234), ("targetPortal", 0), ("initiatorName", 0), ("iscsiInterface", 0), ("chapAuthSession", 0), ("chapAuthDiscovery", 0)] }, // 292
    List(0), // 293
    Object { name: "NFSVolumeSource", fields: &[("path", 0), ("server", 0), ("readOnly", 0)] }, // 294
    Object { name: "PersistentVolumeClaimVolumeSource", fields: &[("readOnly", 0), ("claimName", 0)] }, // 295
    Object { name: "PhotonPersistentDiskVolumeSource", fields: &[("pdID", 0), ("fsType", 0)] }, // 296
    Object { name: "PortworxVolumeSource", fields: &[("fsType", 0), ("readOnly", 0), ("volumeID", 0)] }, // 297
    Object { name: "ProjectedVolumeSource", fields: &[("sources", 310), ("defaultMode", 0), ("defaultUser", 0)] }, // 298
    Object { name: "VolumeProjection", fields: &[("secret", 307), ("configMap", 301), ("downwardAPI", 303), ("podCertificate", 305), ("clusterTrustBundle", 300), ("serviceAccountToken", 309)] }, // 299
    Object { name: "ClusterTrustBundleProjection", fields: &[("name", 0), ("path", 0), ("user", 0), ("optional", 0), ("signerName", 0), ("labelSelector", 23)] }, // 300
    Object { name: "ConfigMapProjection", fields: &[("name", 0), ("items", 302), ("optional", 0)] }, // 301
    List(264), // 302
    Object { name: "DownwardAPIProjection", fields: &[("items", 304)] }, // 303
    List(269), // 304
    Object { name: "PodCertificateProjection", fields: &[("user", 0), ("keyPath", 0), ("keyType", 0), ("signerName", 0), ("userAnnotations", 306), ("certificateChainPath", 0), ("credentialBundlePath", 0), ("maxExpirationSeconds", 0)] }, // 305
    Map(0), // 306
    Object { name: "SecretProjection", fields: &[("name", 0), ("items", 308), ("optional", 0)] }, // 307
    List(264), // 308
    Object { name: "ServiceAccountTokenProjection", fields: &[("path", 0), ("user", 0), ("audience", 0), ("expirationSeconds", 0)] }, // 309
    List(299), // 310
    Object { name: "QuobyteVolumeSource", fields: &[("user", 0), ("group", 0), ("tenant", 0), ("volume", 0), ("readOnly", 0), ("registry", 0)] }, // 311
    Object { name: "RBDVolumeSource", fields: &[("pool", 0), ("user", 0), ("image", 0), ("fsType", 0), ("keyring", 0), ("monitors", 313), ("readOnly", 0), ("secretRef", 234)] }, // 312
    List(0), // 313
    Object { name: "ScaleIOVolumeSource", fields: &[("fsType", 0), ("system", 0), ("gateway", 0), ("readOnly", 0), ("secretRef", 234), ("sslEnabled", 0), ("volumeName", 0), ("storageMode", 0), ("storagePool", 0), ("protectionDomain", 0)] }, // 314
    Object { name: "SecretVolumeSource", fields: &[("items", 316), ("optional", 0), ("secretName", 0), ("defaultMode", 0), ("defaultUser", 0)] }, // 315
    List(264), // 316
    Object { name: "StorageOSVolumeSource", fields: &[("fsType", 0), ("readOnly", 0), ("secretRef", 234), ("volumeName", 0), ("volumeNamespace", 0)] }, // 317
    Object { name: "VsphereVirtualDiskVolumeSource", fields: &[("fsType", 0), ("volumePath", 0), ("storagePolicyID", 0), ("storagePolicyName", 0)] }, // 318
    List(256), // 319
    Object { name: "DaemonSetUpdateStrategy", fields: &[("type", 0), ("rollingUpdate", 321)] }, // 320
    Object { name: "RollingUpdateDaemonSet", fields: &[("maxSurge", 181), ("maxUnavailable", 181)] }, // 321
    Object { name: "DaemonSetStatus", fields: &[("conditions", 324), ("numberReady", 0), ("collisionCount", 0), ("numberAvailable", 0), ("numberUnavailable", 0), ("numberMisscheduled", 0), ("observedGeneration", 0), ("currentNumberScheduled", 0), ("desiredNumberScheduled", 0), ("updatedNumberScheduled", 0)] }, // 322
    Object { name: "DaemonSetCondition", fields: &[("type", 0), ("reason", 0), ("status", 0), ("message", 0), ("lastTransitionTime", 4)] }, // 323
    List(323), // 324
    Object { name: "Deployment", fields: &[("kind", 0), ("spec", 326), ("status", 329), ("metadata", 2), ("apiVersion", 0)] }, // 325
    Object { name: "DeploymentSpec", fields: &[("paused", 0), ("replicas", 0), ("selector", 23), ("strategy", 327), ("template", 134), ("minReadySeconds", 0), ("revisionHistoryLimit", 0), ("progressDeadlineSeconds", 0)] }, // 326
    Object { name: "DeploymentStrategy", fields: &[("type", 0), ("rollingUpdate", 328)] }, // 327
    Object { name: "RollingUpdateDeployment", fields: &[("maxSurge", 181), ("maxUnavailable", 181)] }, // 328
    Object { name: "DeploymentStatus", fields: &[("replicas", 0), ("conditions", 331), ("readyReplicas", 0), ("collisionCount", 0), ("updatedReplicas", 0), ("availableReplicas", 0), ("observedGeneration", 0), ("terminatingReplicas", 0), ("unavailableReplicas", 0)] }, // 329
    Object { name: "DeploymentCondition", fields: &[("type", 0), ("reason", 0), ("status", 0), ("message", 0), ("lastUpdateTime", 4), ("lastTransitionTime", 4)] }, // 330
    List(330), // 331
    Object { name: "ReplicaSet", fields: &[("kind", 0), ("spec", 333), ("status", 334), ("metadata", 2), ("apiVersion", 0)] }, // 332
    Object { name: "ReplicaSetSpec", fields: &[("replicas", 0), ("selector", 23), ("template", 134), ("minReadySeconds", 0)] }, // 333
    Object { name: "ReplicaSetStatus", fields: &[("replicas", 0), ("conditions", 336), ("readyReplicas", 0), ("availableReplicas", 0), ("observedGeneration", 0), ("terminatingReplicas", 0), ("fullyLabeledReplicas", 0)] }, // 334
    Object { name: "ReplicaSetCondition", fields: &[("type", 0), ("reason", 0), ("status", 0), ("message", 0), ("lastTransitionTime", 4)] }, // 335
    List(335), // 336
    Object { name: "StatefulSet", fields: &[("kind", 0), ("spec", 338), ("status", 356), ("metadata", 2), ("apiVersion", 0)] }, // 337
    Object { name: "StatefulSetSpec", fields: &[("ordinals", 339), ("replicas", 0), ("selector", 23), ("template", 134), ("serviceName", 0), ("updateStrategy", 341), ("minReadySeconds", 0), ("podManagementPolicy", 0), ("revisionHistoryLimit", 0), ("volumeClaimTemplates", 355), ("persistentVolumeClaimRetentionPolicy", 340)] }, // 338
    Object { name: "StatefulSetOrdinals", fields: &[("start", 0)] }, // 339
    Object { name: "StatefulSetPersistentVolumeClaimRetentionPolicy", fields: &[("whenScaled", 0), ("whenDeleted", 0)] }, // 340
    Object { name: "StatefulSetUpdateStrategy", fields: &[("type", 0), ("rollingUpdate", 342)] }, // 341
    Object { name: "RollingUpdateStatefulSetStrategy", fields: &[("partition", 0), ("maxUnavailable", 181)] }, // 342
    Object { name: "PersistentVolumeClaim", fields: &[("kind", 0), ("spec", 274), ("status", 344), ("metadata", 2), ("apiVersion", 0)] }, // 343
    Object { name: "PersistentVolumeClaimStatus", fields: &[("phase", 0), ("capacity", 348), ("conditions", 350), ("accessModes", 345), ("healthStatus", 351), ("allocatedResources", 347), ("modifyVolumeStatus", 354), ("allocatedResourceStatuses", 346), ("currentVolumeAttributesClassName", 0)] }, // 344
    List(0), // 345
    Map(0), // 346
    Map(167), // 347
    Map(167), // 348
    Object { name: "PersistentVolumeClaimCondition", fields: &[("type", 0), ("reason", 0), ("status", 0), ("message", 0), ("lastProbeTime", 4), ("lastTransitionTime", 4)] }, // 349
    List(349), // 350
    Object { name: "VolumeHealthStatus", fields: &[("healthConditions", 353), ("lastTransitionTime", 4)] }, // 351
    Object { name: "VolumeHealthCondition", fields: &[("reason", 0), ("status", 0), ("message", 0)] }, // 352
    List(352), // 353
    Object { name: "ModifyVolumeStatus", fields: &[("status", 0), ("targetVolumeAttributesClassName", 0)] }, // 354
    List(343), // 355
    Object { name: "StatefulSetStatus", fields: &[("replicas", 0), ("conditions", 358), ("readyReplicas", 0), ("collisionCount", 0), ("updateRevision", 0), ("currentReplicas", 0), ("currentRevision", 0), ("updatedReplicas", 0), ("availableReplicas", 0), ("observedGeneration", 0)] }, // 356
    Object { name: "StatefulSetCondition", fields: &[("type", 0), ("reason", 0), ("status", 0), ("message", 0), ("lastTransitionTime", 4)] }, // 357
    List(357), // 358
    Object { name: "SelfSubjectReview", fields: &[("kind", 0), ("status", 360), ("metadata", 2), ("apiVersion", 0)] }, // 359
    Object { name: "SelfSubjectReviewStatus", fields: &[("userInfo", 361)] }, // 360
    Object { name: "UserInfo", fields: &[("uid", 0), ("extra", 363), ("groups", 364), ("username", 0)] }, // 361
    List(0), // 362
    Map(362), // 363
    List(0), // 364
    Object { name: "TokenRequest", fields: &[("kind", 0), ("spec", 366), ("status", 371), ("metadata", 2), ("apiVersion", 0)] }, // 365
    Object { name: "TokenRequestSpec", fields: &[("audiences", 369), ("attestations", 368), ("boundObjectRef", 370), ("expirationSeconds", 0)] }, // 366
    List(0), // 367
    Map(367), // 368
    List(0), // 369
    Object { name: "BoundObjectReference", fields: &[("uid", 0), ("kind", 0), ("name", 0), ("apiVersion", 0)] }, // 370
    Object { name: "TokenRequestStatus", fields: &[("token", 0), ("expirationTimestamp", 4)] }, // 371
    Object { name: "TokenReview", fields: &[("kind", 0), ("spec", 373), ("status", 375), ("metadata", 2), ("apiVersion", 0)] }, // 372
    Object { name: "TokenReviewSpec", fields: &[("token", 0), ("audiences", 374)] }, // 373
    List(0), // 374
    Object { name: "TokenReviewStatus", fields: &[("user", 361), ("error", 0), ("audiences", 376), ("authenticated", 0)] }, // 375
    List(0), // 376
    Object { name: "LocalSubjectAccessReview", fields: &[("kind", 0), ("spec", 378), ("status", 390), ("metadata", 2), ("apiVersion", 0)] }, // 377
    Object { name: "SubjectAccessReviewSpec", fields: &[("uid", 0), ("user", 0), ("extra", 380), ("groups", 381), ("resourceAttributes", 383), ("nonResourceAttributes", 382)] }, // 378
    List(0), // 379
    Map(379), // 380
    List(0), // 381
    Object { name: "NonResourceAttributes", fields: &[("path", 0), ("verb", 0)] }, // 382
    Object { name: "ResourceAttributes", fields: &[("name", 0), ("verb", 0), ("group", 0), ("version", 0), ("resource", 0), ("namespace", 0), ("subresource", 0), ("fieldSelector", 384), ("labelSelector", 388)] }, // 383
    Object { name: "FieldSelectorAttributes", fields: &[("rawSelector", 0), ("requirements", 387)] }, // 384
    Object { name: "FieldSelectorRequirement", fields: &[("key", 0), ("values", 386), ("operator", 0)] }, // 385
    List(0), // 386
    List(385), // 387
    Object { name: "LabelSelectorAttributes", fields: &[("rawSelector", 0), ("requirements", 389)] }, // 388
    List(24), // 389
    Object { name: "SubjectAccessReviewStatus", fields: &[("denied", 0), ("reason", 0), ("allowed", 0), ("evaluationError", 0)] }, // 390
    Object { name: "SelfSubjectAccessReview", fields: &[("kind", 0), ("spec", 392), ("status", 390), ("metadata", 2), ("apiVersion", 0)] }, // 391
    Object { name: "SelfSubjectAccessReviewSpec", fields: &[("resourceAttributes", 383), ("nonResourceAttributes", 382)] }, // 392
    Object { name: "SelfSubjectRulesReview", fields: &[("kind", 0), ("spec", 394), ("status", 395), ("metadata", 2), ("apiVersion", 0)] }, // 393
    Object { name: "SelfSubjectRulesReviewSpec", fields: &[("namespace", 0)] }, // 394
    Object { name: "SubjectRulesReviewStatus", fields: &[("incomplete", 0), ("resourceRules", 405), ("evaluationError", 0), ("nonResourceRules", 399)] }, // 395
    Object { name: "NonResourceRule", fields: &[("verbs", 398), ("nonResourceURLs", 397)] }, // 396
    List(0), // 397
    List(0), // 398
    List(396), // 399
    Object { name: "ResourceRule", fields: &[("verbs", 404), ("apiGroups", 401), ("resources", 403), ("resourceNames", 402)] }, // 400
    List(0), // 401
    List(0), // 402
    List(0), // 403
    List(0), // 404
    List(400), // 405
    Object { name: "SubjectAccessReview", fields: &[("kind", 0), ("spec", 378), ("status", 390), ("metadata", 2), ("apiVersion", 0)] }, // 406
    Object { name: "HorizontalPodAutoscaler", fields: &[("kind", 0), ("spec", 408), ("status", 410), ("metadata", 2), ("apiVersion", 0)] }, // 407
    Object { name: "HorizontalPodAutoscalerSpec", fields: &[("maxReplicas", 0), ("minReplicas", 0), ("scaleTargetRef", 409), ("targetCPUUtilizationPercentage", 0)] }, // 408
    Object { name: "CrossVersionObjectReference", fields: &[("kind", 0), ("name", 0), ("apiVersion", 0)] }, // 409
    Object { name: "HorizontalPodAutoscalerStatus", fields: &[("lastScaleTime", 4), ("currentReplicas", 0), ("desiredReplicas", 0), ("observedGeneration", 0), ("currentCPUUtilizationPercentage", 0)] }, // 410
    Object { name: "Scale", fields: &[("kind", 0), ("spec", 412), ("status", 413), ("metadata", 2), ("apiVersion", 0)] }, // 411
    Object { name: "ScaleSpec", fields: &[("replicas", 0)] }, // 412
    Object { name: "ScaleStatus", fields: &[("replicas", 0), ("selector", 0)] }, // 413
    Object { name: "HorizontalPodAutoscaler", fields: &[("kind", 0), ("spec", 415), ("status", 430), ("metadata", 2), ("apiVersion", 0)] }, // 414
    Object { name: "HorizontalPodAutoscalerSpec", fields: &[("metrics", 429), ("behavior", 416), ("maxReplicas", 0), ("minReplicas", 0), ("scaleTargetRef", 426)] }, // 415
    Object { name: "HorizontalPodAutoscalerBehavior", fields: &[("scaleUp", 417), ("scaleDown", 417)] }, // 416
    Object { name: "HPAScalingRules", fields: &[("policies", 419), ("tolerance", 167), ("selectPolicy", 0), ("stabilizationWindowSeconds", 0)] }, // 417
    Object { name: "HPAScalingPolicy", fields: &[("type", 0), ("value", 0), ("periodSeconds", 0)] }, // 418
    List(418), // 419
    Object { name: "MetricSpec", fields: &[("pods", 427), ("type", 0), ("object", 425), ("external", 423), ("resource", 428), ("containerResource", 421)] }, // 420
    Object { name: "ContainerResourceMetricSource", fields: &[("name", 0), ("target", 422), ("container", 0)] }, // 421
    Object { name: "MetricTarget", fields: &[("type", 0), ("value", 167), ("averageValue", 167), ("averageUtilization", 0)] }, // 422
    Object { name: "ExternalMetricSource", fields: &[("metric", 424), ("target", 422)] }, // 423
    Object { name: "MetricIdentifier", fields: &[("name", 0), ("selector", 23)] }, // 424
    Object { name: "ObjectMetricSource", fields: &[("metric", 424), ("target", 422), ("describedObject", 426)] }, // 425
    Object { name: "CrossVersionObjectReference", fields: &[("kind", 0), ("name", 0), ("apiVersion", 0)] }, // 426
    Object { name: "PodsMetricSource", fields: &[("metric", 424), ("target", 422)] }, // 427
    Object { name: "ResourceMetricSource", fields: &[("name", 0), ("target", 422)] }, // 428
    List(420), // 429
    Object { name: "HorizontalPodAutoscalerStatus", fields: &[("conditions", 432), ("lastScaleTime", 4), ("currentMetrics", 440), ("currentReplicas", 0), ("desiredReplicas", 0), ("observedGeneration", 0)] }, // 430
    Object { name: "HorizontalPodAutoscalerCondition", fields: &[("type", 0), ("reason", 0), ("status", 0), ("message", 0), ("lastTransitionTime", 4), ("observedGeneration", 0)] }, // 431
    List(431), // 432
    Object { name: "MetricStatus", fields: &[("pods", 438), ("type", 0), ("object", 437), ("external", 436), ("resource", 439), ("containerResource", 434)] }, // 433
    Object { name: "ContainerResourceMetricStatus", fields: &[("name", 0), ("current", 435), ("container", 0)] }, // 434
    Object { name: "MetricValueStatus", fields: &[("value", 167), ("averageValue", 167), ("averageUtilization", 0)] }, // 435
    Object { name: "ExternalMetricStatus", fields: &[("metric", 424), ("current", 435)] }, // 436
    Object { name: "ObjectMetricStatus", fields: &[("metric", 424), ("current", 435), ("describedObject", 426)] }, // 437
    Object { name: "PodsMetricStatus", fields: &[("metric", 424), ("current", 435)] }, // 438
    Object { name: "ResourceMetricStatus", fields: &[("name", 0), ("current", 435)] }, // 439
    List(433), // 440
    Object { name: "CronJob", fields: &[("kind", 0), ("spec", 442), ("status", 467), ("metadata", 2), ("apiVersion", 0)] }, // 441
    Object { name: "CronJobSpec", fields: &[("suspend", 0), ("schedule", 0), ("timeZone", 0), ("jobTemplate", 443), ("concurrencyPolicy", 0), ("failedJobsHistoryLimit", 0), ("startingDeadlineSeconds", 0), ("successfulJobsHistoryLimit", 0)] }, // 442
    Object { name: "JobTemplateSpec", fields: &[("spec", 444), ("metadata", 2)] }, // 443
    Object { name: "JobSpec", fields: &[("suspend", 0), ("selector", 23), ("template", 134), ("managedBy", 0), ("scheduling", 452), ("completions", 0), ("parallelism", 0), ("backoffLimit", 0), ("successPolicy", 464), ("completionMode", 0), ("manualSelector", 0), ("maxFailedIndexes", 0), ("podFailurePolicy", 445), ("backoffLimitPerIndex", 0), ("podReplacementPolicy", 0), ("activeDeadlineSeconds", 0), ("ttlSecondsAfterFinished", 0)] }, // 444
    Object { name: "PodFailurePolicy", fields: &[("rules", 451)] }, // 445
    Object { name: "PodFailurePolicyRule", fields: &[("action", 0), ("onExitCodes", 447), ("onPodConditions", 450)] }, // 446
    Object { name: "PodFailurePolicyOnExitCodesRequirement", fields: &[("values", 448), ("operator", 0), ("containerName", 0)] }, // 447
    List(0), // 448
    Object { name: "PodFailurePolicyOnPodConditionsPattern", fields: &[("type", 0), ("status", 0)] }, // 449
    List(449), // 450
    List(446), // 451
    Object { name: "JobSchedulingConfiguration", fields: &[("disruptionMode", 453), ("resourceClaims", 457), ("schedulingPolicy", 461), ("schedulingConstraints", 458)] }, // 452
    Object { name: "WorkloadPodGroupDisruptionMode", fields: &[("all", 454), ("single", 455)] }, // 453
    Any, // 454
    Any, // 455
    Object { name: "WorkloadPodGroupResourceClaim", fields: &[("name", 0), ("resourceClaimName", 0), ("resourceClaimTemplateName", 0)] }, // 456
    List(456), // 457
    Object { name: "WorkloadPodGroupSchedulingConstraints", fields: &[("topology", 460)] }, // 458
    Object { name: "TopologyConstraint", fields: &[("key", 0)] }, // 459
    List(459), // 460
    Object { name: "WorkloadPodGroupSchedulingPolicy", fields: &[("gang", 463), ("basic", 462)] }, // 461
    Any, // 462
    Object { name: "WorkloadPodGroupGangSchedulingPolicy", fields: &[("minCount", 0)] }, // 463
    Object { name: "SuccessPolicy", fields: &[("rules", 466)] }, // 464
    Object { name: "SuccessPolicyRule", fields: &[("succeededCount", 0), ("succeededIndexes", 0)] }, // 465
    List(465), // 466
    Object { name: "CronJobStatus", fields: &[("active", 469), ("lastScheduleTime", 4), ("lastSuccessfulTime", 4)] }, // 467
    Object { name: "ObjectReference", fields: &[("uid", 0), ("kind", 0), ("name", 0), ("fieldPath", 0), ("namespace", 0), ("apiVersion", 0), ("resourceVersion", 0)] }, // 468
    List(468), // 469
    Object { name: "Job", fields: &[("kind", 0), ("spec", 444), ("status", 471), ("metadata", 2), ("apiVersion", 0)] }, // 470
    Object { name: "JobStatus", fields: &[("ready", 0), ("active", 0), ("failed", 0), ("startTime", 4), ("succeeded", 0), ("conditions", 473), ("terminating", 0), ("failedIndexes", 0), ("completionTime", 4), ("completedIndexes", 0), ("uncountedTerminatedPods", 474)] }, // 471
    Object { name: "JobCondition", fields: &[("type", 0), ("reason", 0), ("status", 0), ("message", 0), ("lastProbeTime", 4), ("lastTransitionTime", 4)] }, // 472
    List(472), // 473
    Object { name: "UncountedTerminatedPods", fields: &[("failed", 475), ("succeeded", 476)] }, // 474
    List(0), // 475
    List(0), // 476
    Object { name: "CertificateSigningRequest", fields: &[("kind", 0), ("spec", 478), ("status", 483), ("metadata", 2), ("apiVersion", 0)] }, // 477
    Object { name: "CertificateSigningRequestSpec", fields: &[("uid", 0), ("extra", 480), ("groups", 481), ("usages", 482), ("request", 0), ("username", 0), ("signerName", 0), ("expirationSeconds", 0)] }, // 478
    List(0), // 479
    Map(479), // 480
    List(0), // 481
    List(0), // 482
    Object { name: "CertificateSigningRequestStatus", fields: &[("conditions", 485), ("certificate", 0)] }, // 483
    Object { name: "CertificateSigningRequestCondition", fields: &[("type", 0), ("reason", 0), ("status", 0), ("message", 0), ("lastUpdateTime", 4), ("lastTransitionTime", 4)] }, // 484
    List(484), // 485
    Object { name: "ClusterTrustBundle", fields: &[("kind", 0), ("spec", 487), ("metadata", 2), ("apiVersion", 0)] }, // 486
    Object { name: "ClusterTrustBundleSpec", fields: &[("signerName", 0), ("trustBundle", 0)] }, // 487
    Object { name: "PodCertificateRequest", fields: &[("kind", 0), ("spec", 489), ("status", 491), ("metadata", 2), ("apiVersion", 0)] }, // 488
    Object { name: "PodCertificateRequestSpec", fields: &[("podUID", 0), ("nodeUID", 0), ("podName", 0), ("nodeName", 0), ("signerName", 0), ("serviceAccountUID", 0), ("stubPKCS10Request", 0), ("serviceAccountName", 0), ("maxExpirationSeconds", 0), ("unverifiedUserAnnotations", 490)] }, // 489
    Map(0), // 490
    Object { name: "PodCertificateRequestStatus", fields: &[("notAfter", 4), ("notBefore", 4), ("conditions", 492), ("beginRefreshAt", 4), ("certificateChain", 0)] }, // 491
    List(61), // 492
    Object { name: "ClusterTrustBundle", fields: &[("kind", 0), ("spec", 494), ("metadata", 2), ("apiVersion", 0)] }, // 493
    Object { name: "ClusterTrustBundleSpec", fields: &[("signerName", 0), ("trustBundle", 0)] }, // 494
    Object { name: "PodCertificateRequest", fields: &[("kind", 0), ("spec", 496), ("status", 498), ("metadata", 2), ("apiVersion", 0)] }, // 495
    Object { name: "PodCertificateRequestSpec", fields: &[("podUID", 0), ("nodeUID", 0), ("podName", 0), ("nodeName", 0), ("signerName", 0), ("pkixPublicKey", 0), ("proofOfPossession", 0), ("serviceAccountUID", 0), ("stubPKCS10Request", 0), ("serviceAccountName", 0), ("maxExpirationSeconds", 0), ("unverifiedUserAnnotations", 497)] }, // 496
    Map(0), // 497
    Object { name: "PodCertificateRequestStatus", fields: &[("notAfter", 4), ("notBefore", 4), ("conditions", 499), ("beginRefreshAt", 4), ("certificateChain", 0)] }, // 498
    List(61), // 499
    Object { name: "Lease", fields: &[("kind", 0), ("spec", 501), ("metadata", 2), ("apiVersion", 0)] }, // 500
    Object { name: "LeaseSpec", fields: &[("strategy", 0), ("renewTime", 502), ("acquireTime", 502), ("holderIdentity", 0), ("preferredHolder", 0), ("leaseTransitions", 0), ("leaseDurationSeconds", 0)] }, // 501
    Any, // 502
    Object { name: "LeaseCandidate", fields: &[("kind", 0), ("spec", 504), ("metadata", 2), ("apiVersion", 0)] }, // 503
    Object { name: "LeaseCandidateSpec", fields: &[("pingTime", 502), ("strategy", 0), ("leaseName", 0), ("renewTime", 502), ("binaryVersion", 0), ("emulationVersion", 0)] }, // 504
    Object { name: "LeaseCandidate", fields: &[("kind", 0), ("spec", 506), ("metadata", 2), ("apiVersion", 0)] }, // 505
    Object { name: "LeaseCandidateSpec", fields: &[("pingTime", 502), ("strategy", 0), ("leaseName", 0), ("renewTime", 502), ("binaryVersion", 0), ("emulationVersion", 0)] }, // 506
    Object { name: "Binding", fields: &[("kind", 0), ("target", 468), ("metadata", 2), ("apiVersion", 0)] }, // 507
    Object { name: "ComponentStatus", fields: &[("kind", 0), ("metadata", 2), ("apiVersion", 0), ("conditions", 510)] }, // 508
    Object { name: "ComponentCondition", fields: &[("type", 0), ("error", 0), ("status", 0), ("message", 0)] }, // 509
    List(509), // 510
    Object { name: "ConfigMap", fields: &[("data", 513), ("kind", 0), ("metadata", 2), ("immutable", 0), ("apiVersion", 0), ("binaryData", 512)] }, // 511
    Map(0), // 512
    Map(0), // 513
    Object { name: "Endpoints", fields: &[("kind", 0), ("subsets", 521), ("metadata", 2), ("apiVersion", 0)] }, // 514
    Object { name: "EndpointSubset", fields: &[("ports", 520), ("addresses", 517), ("notReadyAddresses", 518)] }, // 515
    Object { name: "EndpointAddress", fields: &[("ip", 0), ("hostname", 0), ("nodeName", 0), ("targetRef", 468)] }, // 516
    List(516), // 517
    List(516), // 518
    Object { name: "EndpointPort", fields: &[("name", 0), ("port", 0), ("protocol", 0), ("appProtocol", 0)] }, // 519
    List(519), // 520
    List(515), // 521
    Object { name: "Event", fields: &[("kind", 0), ("type", 0), ("count", 0), ("action", 0), ("reason", 0), ("series", 523), ("source", 524), ("message", 0), ("related", 468), ("metadata", 2), ("eventTime", 502), ("apiVersion", 0), ("lastTimestamp", 4), ("firstTimestamp", 4), ("involvedObject", 468), ("reportingInstance", 0), ("reportingComponent", 0)] }, // 522
    Object { name: "EventSeries", fields: &[("count", 0), ("lastObservedTime", 502)] }, // 523
    Object { name: "EventSource", fields: &[("host", 0), ("component", 0)] }, // 524
    Object { name: "LimitRange", fields: &[("kind", 0), ("spec", 526), ("metadata", 2), ("apiVersion", 0)] }, // 525
    Object { name: "LimitRangeSpec", fields: &[("limits", 533)] }, // 526
    Object { name: "LimitRangeItem", fields: &[("max", 530), ("min", 532), ("type", 0), ("default", 528), ("defaultRequest", 529), ("maxLimitRequestRatio", 531)] }, // 527
    Map(167), // 528
    Map(167), // 529
    Map(167), // 530
    Map(167), // 531
    Map(167), // 532
    List(527), // 533
    Object { name: "Namespace", fields: &[("kind", 0), ("spec", 535), ("status", 537), ("metadata", 2), ("apiVersion", 0)] }, // 534
    Object { name: "NamespaceSpec", fields: &[("finalizers", 536)] }, // 535
    List(0), // 536
    Object { name: "NamespaceStatus", fields: &[("phase", 0), ("conditions", 539)] }, // 537
    Object { name: "NamespaceCondition", fields: &[("type", 0), ("reason", 0), ("status", 0), ("message", 0), ("lastTransitionTime", 4)] }, // 538
    List(538), // 539
    Object { name: "Node", fields: &[("kind", 0), ("spec", 541), ("status", 549), ("metadata", 2), ("apiVersion", 0)] }, // 540
    Object { name: "NodeSpec", fields: &[("taints", 548), ("podCIDR", 0), ("podCIDRs", 544), ("externalID", 0), ("providerID", 0), ("configSource", 542), ("unschedulable", 0), ("podPreemptionPolicy", 545)] }, // 541
    Object { name: "NodeConfigSource", fields: &[("configMap", 543)] }, // 542
    Object { name: "ConfigMapNodeConfigSource", fields: &[("uid", 0), ("name", 0), ("namespace", 0), ("resourceVersion", 0), ("kubeletConfigKey", 0)] }, // 543
    List(0), // 544
    Object { name: "NodePodPreemptionPolicy", fields: &[("disableResizePreemption", 546)] }, // 545
    List(0), // 546
    Object { name: "Taint", fields: &[("key", 0), ("value", 0), ("effect", 0), ("timeAdded", 4)] }, // 547
    List(547), // 548
    Object { name: "NodeStatus", fields: &[("phase", 0), ("config", 556), ("images", 563), ("capacity", 553), ("features", 560), ("nodeInfo", 564), ("addresses", 551), ("conditions", 555), ("allocatable", 552), ("volumesInUse", 571), ("daemonEndpoints", 557), ("runtimeHandlers", 568), ("volumesAttached", 570), ("declaredFeatures", 559)] }, // 549
    Object { name: "NodeAddress", fields: &[("type", 0), ("address", 0)] }, // 550
    List(550), // 551
    Map(167), // 552
    Map(167), // 553
    Object { name: "NodeCondition", fields: &[("type", 0), ("reason", 0), ("status", 0), ("message", 0), ("lastHeartbeatTime", 4), ("lastTransitionTime", 4)] }, // 554
    List(554), // 555
    Object { name: "NodeConfigStatus", fields: &[("error", 0), ("active", 542), ("assigned", 542), ("lastKnownGood", 542)] }, // 556
    Object { name: "NodeDaemonEndpoints", fields: &[("kubeletEndpoint", 558)] }, // 557
    Object { name: "DaemonEndpoint", fields: &[("Port", 0)] }, // 558
    List(0), // 559
    Object { name: "NodeFeatures", fields: &[("supplementalGroupsPolicy", 0)] }, // 560
    Object { name: "ContainerImage", fields: &[("names", 562), ("sizeBytes", 0)] }, // 561
    List(0), // 562
    List(561), // 563
    Object { name: "NodeSystemInfo", fields: &[("swap", 565), ("bootID", 0), ("osImage", 0), ("machineID", 0), ("systemUUID", 0), ("architecture", 0), ("kernelVersion", 0), ("kubeletVersion", 0), ("operatingSystem", 0), ("kubeProxyVersion", 0), ("runningInUserNamespace", 0), ("containerRuntimeVersion", 0)] }, // 564
    Object { name: "NodeSwapStatus", fields: &[("capacity", 0)] }, // 565
    Object { name: "NodeRuntimeHandler", fields: &[("name", 0), ("features", 567)] }, // 566
    Object { name: "NodeRuntimeHandlerFeatures", fields: &[("userNamespaces", 0), ("recursiveReadOnlyMounts", 0)] }, // 567
    List(566), // 568
    Object { name: "AttachedVolume", fields: &[("name", 0), ("devicePath", 0)] }, // 569
    List(569), // 570
    List(0), // 571
    Object { name: "PersistentVolume", fields: &[("kind", 0), ("spec", 573), ("status", 595), ("metadata", 2), ("apiVersion", 0)] }, // 572
    Object { name: "PersistentVolumeSpec", fields: &[("fc", 281), ("csi", 581), ("nfs", 294), ("rbd", 591), ("iscsi", 586), ("local", 588), ("cephfs", 577), ("cinder", 580), ("flocker", 286), ("quobyte", 311), ("scaleIO", 593), ("capacity", 576), ("claimRef", 468), ("hostPath", 290), ("azureDisk", 258), ("azureFile", 575), ("glusterfs", 585), ("storageos", 594), ("flexVolume", 583), ("volumeMode", 0), ("accessModes", 574), ("mountOptions", 589), ("nodeAffinity", 590), ("vsphereVolume", 318), ("portworxVolume", 297), ("storageClassName", 0), ("gcePersistentDisk", 287), ("awsElasticBlockStore", 257), ("photonPersistentDisk", 296), ("volumeAttributesClassName", 0), ("persistentVolumeReclaimPolicy", 0)] }, // 573
    List(0), // 574
    Object { name: "AzureFilePersistentVolumeSource", fields: &[("readOnly", 0), ("shareName", 0), ("secretName", 0), ("secretNamespace", 0)] }, // 575
    Map(167), // 576
    Object { name: "CephFSPersistentVolumeSource", fields: &[("path", 0), ("user", 0), ("monitors", 578), ("readOnly", 0), ("secretRef", 579), ("secretFile", 0)] }, // 577
    List(0), // 578
    Object { name: "SecretReference", fields: &[("name", 0), ("namespace", 0)] }, // 579
    Object { name: "CinderPersistentVolumeSource", fields: &[("fsType", 0), ("readOnly", 0), ("volumeID", 0), ("secretRef", 579)] }, // 580
    Object { name: "CSIPersistentVolumeSource", fields: &[("driver", 0), ("fsType", 0), ("readOnly", 0), ("volumeHandle", 0), ("volumeAttributes", 582), ("nodeStageSecretRef", 579), ("nodeExpandSecretRef", 579), ("nodePublishSecretRef", 579), ("controllerExpandSecretRef", 579), ("controllerPublishSecretRef", 579)] }, // 581
    Map(0), // 582
    Object { name: "FlexPersistentVolumeSource", fields: &[("driver", 0), ("fsType", 0), ("options", 584), ("readOnly", 0), ("secretRef", 579)] }, // 583
    Map(0), // 584
    Object { name: "GlusterfsPersistentVolumeSource", fields: &[("path", 0), ("readOnly", 0), ("endpoints", 0), ("endpointsNamespace", 0)] }, // 585
    Object { name: "ISCSIPersistentVolumeSource", fields: &[("iqn", 0), ("lun", 0), ("fsType", 0), ("portals", 587), ("readOnly", 0), ("secretRef", 579), ("targetPortal", 0), ("initiatorName", 0), ("iscsiInterface", 0), ("chapAuthSession", 0), ("chapAuthDiscovery", 0)] }, // 586
    List(0), // 587
    Object { name: "LocalVolumeSource", fields: &[("path", 0), ("fsType", 0)] }, // 588
    List(0), // 589
    Object { name: "VolumeNodeAffinity", fields: &[("required", 145)] }, // 590
    Object { name: "RBDPersistentVolumeSource", fields: &[("pool", 0), ("user", 0), ("image", 0), ("fsType", 0), ("keyring", 0), ("monitors", 592), ("readOnly", 0), ("secretRef", 579)] }, // 591
    List(0), // 592
    Object { name: "ScaleIOPersistentVolumeSource", fields: &[("fsType", 0), ("system", 0), ("gateway", 0), ("readOnly", 0), ("secretRef", 579), ("sslEnabled", 0), ("volumeName", 0), ("storageMode", 0), ("storagePool", 0), ("protectionDomain", 0)] }, // 593
    Object { name: "StorageOSPersistentVolumeSource", fields: &[("fsType", 0), ("readOnly", 0), ("secretRef", 468), ("volumeName", 0), ("volumeNamespace", 0)] }, // 594
    Object { name: "PersistentVolumeStatus", fields: &[("phase", 0), ("reason", 0), ("message", 0), ("lastPhaseTransitionTime", 4)] }, // 595
    Object { name: "Pod", fields: &[("kind", 0), ("spec", 135), ("status", 597), ("metadata", 2), ("apiVersion", 0)] }, // 596
    Object { name: "PodStatus", fields: &[("phase", 0), ("podIP", 0), ("hostIP", 0), ("podIPs", 634), ("reason", 0), ("resize", 0), ("hostIPs", 624), ("message", 0), ("qosClass", 0), ("resources", 190), ("startTime", 4), ("conditions", 600), ("volumeHealth", 639), ("containerStatuses", 618), ("nominatedNodeName", 0), ("allocatedResources", 598), ("observedGeneration", 0), ("initContainerStatuses", 625), ("resourceClaimStatuses", 636), ("ephemeralContainerStatuses", 619), ("extendedResourceClaimStatus", 620), ("nodeAllocatableResourceClaimStatuses", 632)] }, // 597
    Map(167), // 598
    Object { name: "PodCondition", fields: &[("type", 0), ("reason", 0), ("status", 0), ("message", 0), ("lastProbeTime", 4), ("lastTransitionTime", 4), ("observedGeneration", 0)] }, // 599
    List(599), // 600
    Object { name: "ContainerStatus", fields: &[("name", 0), ("user", 611), ("image", 0), ("ready", 0), ("state", 607), ("imageID", 0), ("started", 0), ("lastState", 607), ("resources", 190), ("stopSignal", 0), ("containerID", 0), ("restartCount", 0), ("volumeMounts", 617), ("allocatedResources", 602), ("allocatedResourcesStatus", 606)] }, // 601
    Map(167), // 602
    Object { name: "ResourceStatus", fields: &[("name", 0), ("resources", 605)] }, // 603
    Object { name: "ResourceHealth", fields: &[("health", 0), ("message", 0), ("resourceID", 0)] }, // 604
    List(604), // 605
    List(603), // 606
    Object { name: "ContainerState", fields: &[("running", 608), ("waiting", 610), ("terminated", 609)] }, // 607
    Object { name: "ContainerStateRunning", fields: &[("startedAt", 4)] }, // 608
    Object { name: "ContainerStateTerminated", fields: &[("reason", 0), ("signal", 0), ("message", 0), ("exitCode", 0), ("startedAt", 4), ("finishedAt", 4), ("containerID", 0)] }, // 609
    Object { name: "ContainerStateWaiting", fields: &[("reason", 0), ("message", 0)] }, // 610
    Object { name: "ContainerUser", fields: &[("linux", 612)] }, // 611
    Object { name: "LinuxContainerUser", fields: &[("gid", 0), ("uid", 0), ("supplementalGroups", 613)] }, // 612
    List(0), // 613
    Object { name: "VolumeMountStatus", fields: &[("name", 0), ("readOnly", 0), ("mountPath", 0), ("volumeStatus", 615), ("recursiveReadOnly", 0)] }, // 614
    Object { name: "VolumeStatus", fields: &[("image", 616)] }, // 615
    Object { name: "ImageVolumeStatus", fields: &[("imageRef", 0)] }, // 616
    List(614), // 617
    List(601), // 618
    List(601), // 619
    Object { name: "PodExtendedResourceClaimStatus", fields: &[("requestMappings", 622), ("resourceClaimName", 0)] }, // 620
    Object { name: "ContainerExtendedResourceRequest", fields: &[("requestName", 0), ("resourceName", 0), ("containerName", 0)] }, // 621
    List(621), // 622
    Object { name: "HostIP", fields: &[("ip", 0)] }, // 623
    List(623), // 624
    List(601), // 625
    Object { name: "NodeAllocatableResourceClaimStatus", fields: &[("mapping", 629), ("overhead", 631), ("containers", 627), ("resourceClaimName", 0)] }, // 626
    List(0), // 627
    Object { name: "NodeAllocatableMappedResources", fields: &[("name", 0), ("quantity", 167)] }, // 628
    List(628), // 629
    Object { name: "NodeAllocatableOverheadResources", fields: &[("name", 0), ("perPod", 167), ("perContainer", 167)] }, // 630
    List(630), // 631
    List(626), // 632
    Object { name: "PodIP", fields: &[("ip", 0)] }, // 633
    List(633), // 634
    Object { name: "PodResourceClaimStatus", fields: &[("name", 0), ("resourceClaimName", 0)] }, // 635
    List(635), // 636
    Object { name: "PodVolumeHealth", fields: &[("name", 0), ("healthConditions", 638), ("lastTransitionTime", 4)] }, // 637
    List(352), // 638
    List(637), // 639
    Object { name: "PodTemplate", fields: &[("kind", 0), ("metadata", 2), ("template", 134), ("apiVersion", 0)] }, // 640
    Object { name: "ReplicationController", fields: &[("kind", 0), ("spec", 642), ("status", 644), ("metadata", 2), ("apiVersion", 0)] }, // 641
    Object { name: "ReplicationControllerSpec", fields: &[("replicas", 0), ("selector", 643), ("template", 134), ("minReadySeconds", 0)] }, // 642
    Map(0), // 643
    Object { name: "ReplicationControllerStatus", fields: &[("replicas", 0), ("conditions", 646), ("readyReplicas", 0), ("availableReplicas", 0), ("observedGeneration", 0), ("fullyLabeledReplicas", 0)] }, // 644
    Object { name: "ReplicationControllerCondition", fields: &[("type", 0), ("reason", 0), ("status", 0), ("message", 0), ("lastTransitionTime", 4)] }, // 645
    List(645), // 646
    Object { name: "ResourceQuota", fields: &[("kind", 0), ("spec", 648), ("status", 655), ("metadata", 2), ("apiVersion", 0)] }, // 647
    Object { name: "ResourceQuotaSpec", fields: &[("hard", 649), ("scopes", 654), ("scopeSelector", 650)] }, // 648
    Map(167), // 649
    Object { name: "ScopeSelector", fields: &[("matchExpressions", 653)] }, // 650
    Object { name: "ScopedResourceSelectorRequirement", fields: &[("values", 652), ("operator", 0), ("scopeName", 0)] }, // 651
    List(0), // 652
    List(651), // 653
    List(0), // 654
    Object { name: "ResourceQuotaStatus", fields: &[("hard", 656), ("used", 657)] }, // 655
    Map(167), // 656
    Map(167), // 657
    Object { name: "Secret", fields: &[("data", 659), ("kind", 0), ("type", 0), ("metadata", 2), ("immutable", 0), ("apiVersion", 0), ("stringData", 660)] }, // 658
    Map(0), // 659
    Map(0), // 660
    Object { name: "Service", fields: &[("kind", 0), ("spec", 662), ("status", 672), ("metadata", 2), ("apiVersion", 0)] }, // 661
    Object { name: "ServiceSpec", fields: &[("type", 0), ("ports", 668), ("selector", 669), ("clusterIP", 0), ("clusterIPs", 663), ("ipFamilies", 665), ("externalIPs", 664), ("externalName", 0), ("ipFamilyPolicy", 0), ("loadBalancerIP", 0), ("sessionAffinity", 0), ("loadBalancerClass", 0), ("healthCheckNodePort", 0), ("trafficDistribution", 0), ("externalTrafficPolicy", 0), ("internalTrafficPolicy", 0), ("sessionAffinityConfig", 670), ("loadBalancerSourceRanges", 666), ("publishNotReadyAddresses", 0), ("allocateLoadBalancerNodePorts", 0)] }, // 662
    List(0), // 663
    List(0), // 664
    List(0), // 665
    List(0), // 666
    Object { name: "ServicePort", fields: &[("name", 0), ("port", 0), ("nodePort", 0), ("protocol", 0), ("targetPort", 181), ("appProtocol", 0)] }, // 667
    List(667), // 668
    Map(0), // 669
    Object { name: "SessionAffinityConfig", fields: &[("clientIP", 671)] }, // 670
    Object { name: "ClientIPConfig", fields: &[("timeoutSeconds", 0)] }, // 671
    Object { name: "ServiceStatus", fields: &[("conditions", 673), ("loadBalancer", 674)] }, // 672
    List(61), // 673
    Object { name: "LoadBalancerStatus", fields: &[("ingress", 678)] }, // 674
    Object { name: "LoadBalancerIngress", fields: &[("ip", 0), ("ports", 677), ("ipMode", 0), ("hostname", 0)] }, // 675
    Object { name: "PortStatus", fields: &[("port", 0), ("error", 0), ("protocol", 0)] }, // 676
    List(676), // 677
    List(675), // 678
    Object { name: "ServiceAccount", fields: &[("kind", 0), ("secrets", 681), ("metadata", 2), ("apiVersion", 0), ("imagePullSecrets", 680), ("automountServiceAccountToken", 0)] }, // 679
    List(234), // 680
    List(468), // 681
    Object { name: "EndpointSlice", fields: &[("kind", 0), ("ports", 694), ("metadata", 2), ("endpoints", 692), ("apiVersion", 0), ("addressType", 0)] }, // 682
    Object { name: "Endpoint", fields: &[("zone", 0), ("hints", 687), ("hostname", 0), ("nodeName", 0), ("addresses", 684), ("targetRef", 468), ("conditions", 685), ("deprecatedTopology", 686)] }, // 683
    List(0), // 684
    Object { name: "EndpointConditions", fields: &[("ready", 0), ("serving", 0), ("terminating", 0)] }, // 685
    Map(0), // 686
    Object { name: "EndpointHints", fields: &[("forNodes", 689), ("forZones", 691)] }, // 687
    Object { name: "ForNode", fields: &[("name", 0)] }, // 688
    List(688), // 689
    Object { name: "ForZone", fields: &[("name", 0)] }, // 690
    List(690), // 691
    List(683), // 692
    Object { name: "EndpointPort", fields: &[("name", 0), ("port", 0), ("protocol", 0), ("appProtocol", 0)] }, // 693
    List(693), // 694
    Object { name: "Event", fields: &[("kind", 0), ("note", 0), ("type", 0), ("action", 0), ("reason", 0), ("series", 696), ("related", 468), ("metadata", 2), ("eventTime", 502), ("regarding", 468), ("apiVersion", 0), ("deprecatedCount", 0), ("deprecatedSource", 524), ("reportingInstance", 0), ("reportingController", 0), ("deprecatedLastTimestamp", 4), ("deprecatedFirstTimestamp", 4)] }, // 695
    Object { name: "EventSeries", fields: &[("count", 0), ("lastObservedTime", 502)] }, // 696
    Object { name: "FlowSchema", fields: &[("kind", 0), ("spec", 698), ("status", 718), ("metadata", 2), ("apiVersion", 0)] }, // 697
    Object { name: "FlowSchemaSpec", fields: &[("rules", 717), ("matchingPrecedence", 0), ("distinguisherMethod", 699), ("priorityLevelConfiguration", 700)] }, // 698
    Object { name: "FlowDistinguisherMethod", fields: &[("type", 0)] }, // 699
    Object { name: "PriorityLevelConfigurationReference", fields: &[("name", 0)] }, // 700
    Object { name: "PolicyRulesWithSubjects", fields: &[("subjects", 716), ("resourceRules", 711), ("nonResourceRules", 705)] }, // 701
    Object { name: "NonResourcePolicyRule", fields: &[("verbs", 704), ("nonResourceURLs", 703)] }, // 702
    List(0), // 703
    List(0), // 704
    List(702), // 705
    Object { name: "ResourcePolicyRule", fields: &[("verbs", 710), ("apiGroups", 707), ("resources", 709), ("namespaces", 708), ("clusterScope", 0)] }, // 706
    List(0), // 707
    List(0), // 708
    List(0), // 709
    List(0), // 710
    List(706), // 711
    Object { name: "Subject", fields: &[("kind", 0), ("user", 715), ("group", 713), ("serviceAccount", 714)] }, // 712
    Object { name: "GroupSubject", fields: &[("name", 0)] }, // 713
    Object { name: "ServiceAccountSubject", fields: &[("name", 0), ("namespace", 0)] }, // 714
    Object { name: "UserSubject", fields: &[("name", 0)] }, // 715
    List(712), // 716
    List(701), // 717
    Object { name: "FlowSchemaStatus", fields: &[("conditions", 720)] }, // 718
    Object { name: "FlowSchemaCondition", fields: &[("type", 0), ("reason", 0), ("status", 0), ("message", 0), ("lastTransitionTime", 4)] }, // 719
    List(719), // 720
    Object { name: "PriorityLevelConfiguration", fields: &[("kind", 0), ("spec", 722), ("status", 727), ("metadata", 2), ("apiVersion", 0)] }, // 721
    Object { name: "PriorityLevelConfigurationSpec", fields: &[("type", 0), ("exempt", 723), ("limited", 724)] }, // 722
    Object { name: "ExemptPriorityLevelConfiguration", fields: &[("lendablePercent", 0), ("nominalConcurrencyShares", 0)] }, // 723
    Object { name: "LimitedPriorityLevelConfiguration", fields: &[("limitResponse", 725), ("lendablePercent", 0), ("borrowingLimitPercent", 0), ("nominalConcurrencyShares", 0)] }, // 724
    Object { name: "LimitResponse", fields: &[("type", 0), ("queuing", 726)] }, // 725
    Object { name: "QueuingConfiguration", fields: &[("queues", 0), ("handSize", 0), ("queueLengthLimit", 0)] }, // 726
    Object { name: "PriorityLevelConfigurationStatus", fields: &[("conditions", 729)] }, // 727
    Object { name: "PriorityLevelConfigurationCondition", fields: &[("type", 0), ("reason", 0), ("status", 0), ("message", 0), ("lastTransitionTime", 4)] }, // 728
    List(728), // 729
    Object { name: "Eviction", fields: &[("kind", 0), ("spec", 731), ("status", 734), ("metadata", 2), ("apiVersion", 0)] }, // 730
    Object { name: "EvictionSpec", fields: &[("target", 732)] }, // 731
    Object { name: "EvictionTarget", fields: &[("pod", 733)] }, // 732
    Object { name: "EvictionPodReference", fields: &[("uid", 0), ("name", 0)] }, // 733
    Object { name: "EvictionStatus", fields: &[("conditions", 735), ("requesters", 737), ("responders", 739), ("targetResponders", 741), ("observedGeneration", 0)] }, // 734
    List(61), // 735
    Object { name: "Requester", fields: &[("name", 0), ("intent", 0)] }, // 736
    List(736), // 737
    Object { name: "ResponderStatus", fields: &[("name", 0), ("message", 0), ("startTime", 4), ("heartbeatTime", 4), ("completionTime", 4), ("expectedCompletionTime", 4)] }, // 738
    List(738), // 739
    Object { name: "TargetResponder", fields: &[("name", 0), ("state", 0), ("priority", 0)] }, // 740
    List(740), // 741
    Object { name: "EvictionRequest", fields: &[("kind", 0), ("spec", 743), ("status", 746), ("metadata", 2), ("apiVersion", 0)] }, // 742
    Object { name: "EvictionRequestSpec", fields: &[("intent", 0), ("target", 744), ("requester", 0)] }, // 743
    Object { name: "EvictionRequestTarget", fields: &[("pod", 745)] }, // 744
    Object { name: "EvictionRequestPodReference", fields: &[("uid", 0), ("name", 0)] }, // 745
    Object { name: "EvictionRequestStatus", fields: &[("conditions", 747), ("observedGeneration", 0)] }, // 746
    List(61), // 747
    Object { name: "IPAddress", fields: &[("kind", 0), ("spec", 749), ("metadata", 2), ("apiVersion", 0)] }, // 748
    Object { name: "IPAddressSpec", fields: &[("parentRef", 750)] }, // 749
    Object { name: "ParentReference", fields: &[("name", 0), ("group", 0), ("resource", 0), ("namespace", 0)] }, // 750
    Object { name: "Ingress", fields: &[("kind", 0), ("spec", 752), ("status", 764), ("metadata", 2), ("apiVersion", 0)] }, // 751
    Object { name: "IngressSpec", fields: &[("tls", 763), ("rules", 760), ("defaultBackend", 753), ("ingressClassName", 0)] }, // 752
    Object { name: "IngressBackend", fields: &[("service", 754), ("resource", 276)] }, // 753
    Object { name: "IngressServiceBackend", fields: &[("name", 0), ("port", 755)] }, // 754
    Object { name: "ServiceBackendPort", fields: &[("name", 0), ("number", 0)] }, // 755
    Object { name: "IngressRule", fields: &[("host", 0), ("http", 757)] }, // 756
    Object { name: "HTTPIngressRuleValue", fields: &[("paths", 759)] }, // 757
    Object { name: "HTTPIngressPath", fields: &[("path", 0), ("backend", 753), ("pathType", 0)] }, // 758
    List(758), // 759
    List(756), // 760
    Object { name: "IngressTLS", fields: &[("hosts", 762), ("secretName", 0)] }, // 761
    List(0), // 762
    List(761), // 763
    Object { name: "IngressStatus", fields: &[("loadBalancer", 765)] }, // 764
    Object { name: "IngressLoadBalancerStatus", fields: &[("ingress", 769)] }, // 765
    Object { name: "IngressLoadBalancerIngress", fields: &[("ip", 0), ("ports", 768), ("hostname", 0)] }, // 766
    Object { name: "IngressPortStatus", fields: &[("port", 0), ("error", 0), ("protocol", 0)] }, // 767
    List(767), // 768
    List(766), // 769
    Object { name: "IngressClass", fields: &[("kind", 0), ("spec", 771), ("metadata", 2), ("apiVersion", 0)] }, // 770
    Object { name: "IngressClassSpec", fields: &[("controller", 0), ("parameters", 772)] }, // 771
    Object { name: "IngressClassParametersReference", fields: &[("kind", 0), ("name", 0), ("scope", 0), ("apiGroup", 0), ("namespace", 0)] }, // 772
    Object { name: "NetworkPolicy", fields: &[("kind", 0), ("spec", 774), ("metadata", 2), ("apiVersion", 0)] }, // 773
    Object { name: "NetworkPolicySpec", fields: &[("egress", 782), ("ingress", 786), ("podSelector", 23), ("policyTypes", 787)] }, // 774
    Object { name: "NetworkPolicyEgressRule", fields: &[("to", 781), ("ports", 777)] }, // 775
    Object { name: "NetworkPolicyPort", fields: &[("port", 181), ("endPort", 0), ("protocol", 0)] }, // 776
    List(776), // 777
    Object { name: "NetworkPolicyPeer", fields: &[("ipBlock", 779), ("podSelector", 23), ("namespaceSelector", 23)] }, // 778
    Object { name: "IPBlock", fields: &[("cidr", 0), ("except", 780)] }, // 779
    List(0), // 780
    List(778), // 781
    List(775), // 782
    Object { name: "NetworkPolicyIngressRule", fields: &[("from", 784), ("ports", 785)] }, // 783
    List(778), // 784
    List(776), // 785
    List(783), // 786
    List(0), // 787
    Object { name: "ServiceCIDR", fields: &[("kind", 0), ("spec", 789), ("status", 791), ("metadata", 2), ("apiVersion", 0)] }, // 788
    Object { name: "ServiceCIDRSpec", fields: &[("cidrs", 790)] }, // 789
    List(0), // 790
    Object { name: "ServiceCIDRStatus", fields: &[("conditions", 792)] }, // 791
    List(61), // 792
    Object { name: "RuntimeClass", fields: &[("kind", 0), ("handler", 0), ("metadata", 2), ("overhead", 794), ("apiVersion", 0), ("scheduling", 796)] }, // 793
    Object { name: "Overhead", fields: &[("podFixed", 795)] }, // 794
    Map(167), // 795
    Object { name: "Scheduling", fields: &[("tolerations", 798), ("nodeSelector", 797)] }, // 796
    Map(0), // 797
    List(251), // 798
    Object { name: "Eviction", fields: &[("kind", 0), ("metadata", 2), ("apiVersion", 0), ("deleteOptions", 800)] }, // 799
    Object { name: "DeleteOptions", fields: &[("kind", 0), ("dryRun", 801), ("apiVersion", 0), ("preconditions", 802), ("orphanDependents", 0), ("propagationPolicy", 0), ("gracePeriodSeconds", 0), ("ignoreStoreReadErrorWithClusterBreakingPotential", 0)] }, // 800
    List(0), // 801
    Object { name: "Preconditions", fields: &[("uid", 0), ("resourceVersion", 0)] }, // 802
    Object { name: "PodDisruptionBudget", fields: &[("kind", 0), ("spec", 804), ("status", 805), ("metadata", 2), ("apiVersion", 0)] }, // 803
    Object { name: "PodDisruptionBudgetSpec", fields: &[("selector", 23), ("minAvailable", 181), ("maxUnavailable", 181), ("unhealthyPodEvictionPolicy", 0)] }, // 804
    Object { name: "PodDisruptionBudgetStatus", fields: &[("conditions", 806), ("expectedPods", 0), ("disruptedPods", 807), ("currentHealthy", 0), ("desiredHealthy", 0), ("disruptionsAllowed", 0), ("observedGeneration", 0)] }, // 805
    List(61), // 806
    Map(4), // 807
    Object { name: "ClusterRole", fields: &[("kind", 0), ("rules", 817), ("metadata", 2), ("apiVersion", 0), ("aggregationRule", 809)] }, // 808
    Object { name: "AggregationRule", fields: &[("clusterRoleSelectors", 810)] }, // 809
    List(23), // 810
    Object { name: "PolicyRule", fields: &[("verbs", 816), ("apiGroups", 812), ("resources", 815), ("resourceNames", 814), ("nonResourceURLs", 813)] }, // 811
    List(0), // 812
    List(0), // 813
    List(0), // 814
    List(0), // 815
    List(0), // 816
    List(811), // 817
    Object { name: "ClusterRoleBinding", fields: &[("kind", 0), ("roleRef", 819), ("metadata", 2), ("subjects", 821), ("apiVersion", 0)] }, // 818
    Object { name: "RoleRef", fields: &[("kind", 0), ("name", 0), ("apiGroup", 0)] }, // 819
    Object { name: "Subject", fields: &[("kind", 0), ("name", 0), ("apiGroup", 0), ("namespace", 0)] }, // 820
    List(820), // 821
    Object { name: "Role", fields: &[("kind", 0), ("rules", 823), ("metadata", 2), ("apiVersion", 0)] }, // 822
    List(811), // 823
    Object { name: "RoleBinding", fields: &[("kind", 0), ("roleRef", 819), ("metadata", 2), ("subjects", 825), ("apiVersion", 0)] }, // 824
    List(820), // 825
    Object { name: "DeviceClass", fields: &[("kind", 0), ("spec", 827), ("metadata", 2), ("apiVersion", 0)] }, // 826
    Object { name: "DeviceClassSpec", fields: &[("config", 830), ("selectors", 833), ("extendedResourceName", 0)] }, // 827
    Object { name: "DeviceClassConfiguration", fields: &[("opaque", 829)] }, // 828
    Object { name: "OpaqueDeviceConfiguration", fields: &[("driver", 0), ("parameters", 131)] }, // 829
    List(828), // 830
    Object { name: "DeviceSelector", fields: &[("cel", 832)] }, // 831
    Object { name: "CELDeviceSelector", fields: &[("expression", 0)] }, // 832
    List(831), // 833
    Object { name: "DeviceTaintRule", fields: &[("kind", 0), ("spec", 835), ("status", 838), ("metadata", 2), ("apiVersion", 0)] }, // 834
    Object { name: "DeviceTaintRuleSpec", fields: &[("taint", 837), ("deviceSelector", 836)] }, // 835
    Object { name: "DeviceTaintSelector", fields: &[("pool", 0), ("device", 0), ("driver", 0)] }, // 836
    Object { name: "DeviceTaint", fields: &[("key", 0), ("value", 0), ("effect", 0), ("timeAdded", 4)] }, // 837
    Object { name: "DeviceTaintRuleStatus", fields: &[("conditions", 839)] }, // 838
    List(61), // 839
    Object { name: "ResourceClaim", fields: &[("kind", 0), ("spec", 841), ("status", 864), ("metadata", 2), ("apiVersion", 0)] }, // 840
    Object { name: "ResourceClaimSpec", fields: &[("devices", 842)] }, // 841
    Object { name: "DeviceClaim", fields: &[("config", 845), ("requests", 863), ("constraints", 848)] }, // 842
    Object { name: "DeviceClaimConfiguration", fields: &[("opaque", 829), ("requests", 844)] }, // 843
    List(0), // 844
    List(843), // 845
    Object { name: "DeviceConstraint", fields: &[("requests", 847), ("matchAttribute", 0), ("distinctAttribute", 0)] }, // 846
    List(0), // 847
    List(846), // 848
    Object { name: "DeviceRequest", fields: &[("name", 0), ("exactly", 850), ("firstAvailable", 862)] }, // 849
    Object { name: "ExactDeviceRequest", fields: &[("count", 0), ("capacity", 851), ("selectors", 855), ("adminAccess", 0), ("tolerations", 857), ("allocationMode", 0), ("deviceClassName", 0), ("derivedAttributes", 854)] }, // 850
    Object { name: "CapacityRequirements", fields: &[("requests", 852)] }, // 851
    Map(167), // 852
    Object { name: "DeviceDerivedAttribute", fields: &[("name", 0), ("expression", 0)] }, // 853
    List(853), // 854
    List(831), // 855
    Object { name: "DeviceToleration", fields: &[("key", 0), ("value", 0), ("effect", 0), ("operator", 0), ("tolerationSeconds", 0)] }, // 856
    List(856), // 857
    Object { name: "DeviceSubRequest", fields: &[("name", 0), ("count", 0), ("capacity", 851), ("selectors", 860), ("tolerations", 861), ("allocationMode", 0), ("deviceClassName", 0), ("derivedAttributes", 859)] }, // 858
    List(853), // 859
    List(831), // 860
    List(856), // 861
    List(858), // 862
    List(849), // 863
    Object { name: "ResourceClaimStatus", fields: &[("devices", 881), ("allocation", 865), ("reservedFor", 883)] }, // 864
    Object { name: "AllocationResult", fields: &[("devices", 866), ("nodeSelector", 145), ("allocationTimestamp", 4)] }, // 865
    Object { name: "DeviceAllocationResult", fields: &[("config", 869), ("results", 876)] }, // 866
    Object { name: "DeviceAllocationConfiguration", fields: &[("opaque", 829), ("source", 0), ("requests", 868)] }, // 867
    List(0), // 868
    List(867), // 869
    Object { name: "DeviceRequestAllocationResult", fields: &[("pool", 0), ("device", 0), ("driver", 0), ("request", 0), ("shareID", 0), ("adminAccess", 0), ("tolerations", 875), ("consumedCapacity", 873), ("bindingConditions", 871), ("skipNodeOperations", 874), ("bindingFailureConditions", 872)] }, // 870
    List(0), // 871
    List(0), // 872
    Map(167), // 873
    List(0), // 874
    List(856), // 875
    List(870), // 876
    Object { name: "AllocatedDeviceStatus", fields: &[("data", 131), ("pool", 0), ("device", 0), ("driver", 0), ("shareID", 0), ("conditions", 878), ("networkData", 879)] }, // 877
    List(61), // 878
    Object { name: "NetworkDeviceData", fields: &[("ips", 880), ("interfaceName", 0), ("hardwareAddress", 0)] }, // 879
    List(0), // 880
    List(877), // 881
    Object { name: "ResourceClaimConsumerReference", fields: &[("uid", 0), ("name", 0), ("apiGroup", 0), ("resource", 0)] }, // 882
    List(882), // 883
    Object { name: "ResourceClaimTemplate", fields: &[("kind", 0), ("spec", 885), ("metadata", 2), ("apiVersion", 0)] }, // 884
    Object { name: "ResourceClaimTemplateSpec", fields: &[("spec", 841), ("metadata", 2)] }, // 885
    Object { name: "ResourceSlice", fields: &[("kind", 0), ("spec", 887), ("metadata", 2), ("apiVersion", 0)] }, // 886
    Object { name: "ResourceSliceSpec", fields: &[("pool", 913), ("driver", 0), ("devices", 912), ("allNodes", 0), ("nodeName", 0), ("nodeSelector", 145), ("sharedCounters", 916), ("skipNodeOperations", 917), ("partitionTypeAttribute", 0), ("perDeviceNodeSelection", 0)] }, // 887
    Object { name: "Device", fields: &[("name", 0), ("taints", 911), ("allNodes", 0), ("capacity", 901), ("nodeName", 0), ("attributes", 894), ("bindsToNode", 0), ("nodeSelector", 145), ("consumesCounters", 906), ("bindingConditions", 895), ("allowMultipleAllocations", 0), ("bindingFailureConditions", 896), ("nodeAllocatableResources", 910)] }, // 888
    Object { name: "DeviceAttribute", fields: &[("int", 0), ("bool", 0), ("ints", 891), ("bools", 890), ("string", 0), ("strings", 892), ("version", 0), ("versions", 893)] }, // 889
    List(0), // 890
    List(0), // 891
    List(0), // 892
    List(0), // 893
    Map(889), // 894
    List(0), // 895
    List(0), // 896
    Object { name: "DeviceCapacity", fields: &[("value", 167), ("requestPolicy", 898)] }, // 897
    Object { name: "CapacityRequestPolicy", fields: &[("default", 167), ("validRange", 899), ("validValues", 900)] }, // 898
    Object { name: "CapacityRequestPolicyRange", fields: &[("max", 167), ("min", 167), ("step", 167)] }, // 899
    List(167), // 900
    Map(897), // 901
    Object { name: "DeviceCounterConsumption", fields: &[("counters", 905), ("counterSet", 0), ("compatibilityGroups", 903)] }, // 902
    List(0), // 903
    Object { name: "Counter", fields: &[("value", 167)] }, // 904
    Map(904), // 905
    List(902), // 906
    Object { name: "NodeAllocatableResource", fields: &[("mapping", 908), ("overhead", 909)] }, // 907
    Object { name: "NodeAllocatableMapping", fields: &[("capacityKey", 0), ("deviceMultiplier", 167), ("capacityMultiplier", 167)] }, // 908
    Object { name: "NodeAllocatableOverhead", fields: &[("perPod", 167), ("perContainer", 167)] }, // 909
    Map(907), // 910
    List(837), // 911
    List(888), // 912
    Object { name: "ResourcePool", fields: &[("name", 0), ("generation", 0), ("resourceSliceCount", 0)] }, // 913
    Object { name: "CounterSet", fields: &[("name", 0), ("counters", 915)] }, // 914
    Map(904), // 915
    List(914), // 916
    List(0), // 917
    Object { name: "DeviceTaintRule", fields: &[("kind", 0), ("spec", 919), ("status", 922), ("metadata", 2), ("apiVersion", 0)] }, // 918
    Object { name: "DeviceTaintRuleSpec", fields: &[("taint", 921), ("deviceSelector", 920)] }, // 919
    Object { name: "DeviceTaintSelector", fields: &[("pool", 0), ("device", 0), ("driver", 0)] }, // 920
    Object { name: "DeviceTaint", fields: &[("key", 0), ("value", 0), ("effect", 0), ("timeAdded", 4)] }, // 921
    Object { name: "DeviceTaintRuleStatus", fields: &[("conditions", 923)] }, // 922
    List(61), // 923
    Object { name: "ResourcePoolStatusRequest", fields: &[("kind", 0), ("spec", 925), ("status", 926), ("metadata", 2), ("apiVersion", 0)] }, // 924
    Object { name: "ResourcePoolStatusRequestSpec", fields: &[("limit", 0), ("driver", 0), ("poolName", 0), ("defaultPartitionTypeAttribute", 0)] }, // 925
    Object { name: "ResourcePoolStatusRequestStatus", fields: &[("pools", 934), ("poolCount", 0), ("conditions", 927)] }, // 926
    List(61), // 927
    Object { name: "PoolStatus", fields: &[("driver", 0), ("nodeName", 0), ("poolName", 0), ("generation", 0), ("totalDevices", 0), ("validationError", 0), ("allocatedDevices", 0), ("availableDevices", 0), ("partitionSummary", 930), ("shareableSummary", 931), ("resourceSliceCount", 0), ("unavailableDevices", 0)] }, // 928
    Object { name: "PartitionTypeStatus", fields: &[("type", 0), ("total", 0), ("attribute", 0), ("allocatable", 0)] }, // 929
    List(929), // 930
    Object { name: "ShareableSummaryStatus", fields: &[("capacity", 933), ("fullyAvailableDevices", 0), ("partiallyAvailableDevices", 0)] }, // 931
    Object { name: "ShareableCapacityStatus", fields: &[("name", 0), ("total", 167), ("consumed", 167), ("available", 167)] }, // 932
    List(932), // 933
    List(928), // 934
    Object { name: "DeviceClass", fields: &[("kind", 0), ("spec", 936), ("metadata", 2), ("apiVersion", 0)] }, // 935
    Object { name: "DeviceClassSpec", fields: &[("config", 939), ("selectors", 942), ("extendedResourceName", 0)] }, // 936
    Object { name: "DeviceClassConfiguration", fields: &[("opaque", 938)] }, // 937
    Object { name: "OpaqueDeviceConfiguration", fields: &[("driver", 0), ("parameters", 131)] }, // 938
    List(937), // 939
    Object { name: "DeviceSelector", fields: &[("cel", 941)] }, // 940
    Object { name: "CELDeviceSelector", fields: &[("expression", 0)] }, // 941
    List(940), // 942
    Object { name: "ResourceClaim", fields: &[("kind", 0), ("spec", 944), ("status", 966), ("metadata", 2), ("apiVersion", 0)] }, // 943
    Object { name: "ResourceClaimSpec", fields: &[("devices", 945)] }, // 944
    Object { name: "DeviceClaim", fields: &[("config", 948), ("requests", 965), ("constraints", 951)] }, // 945
    Object { name: "DeviceClaimConfiguration", fields: &[("opaque", 938), ("requests", 947)] }, // 946
    List(0), // 947
    List(946), // 948
    Object { name: "DeviceConstraint", fields: &[("requests", 950), ("matchAttribute", 0), ("distinctAttribute", 0)] }, // 949
    List(0), // 950
    List(949), // 951
    Object { name: "DeviceRequest", fields: &[("name", 0), ("count", 0), ("capacity", 953), ("selectors", 963), ("adminAccess", 0), ("tolerations", 964), ("allocationMode", 0), ("firstAvailable", 962), ("deviceClassName", 0), ("derivedAttributes", 956)] }, // 952
    Object { name: "CapacityRequirements", fields: &[("requests", 954)] }, // 953
    Map(167), // 954
    Object { name: "DeviceDerivedAttribute", fields: &[("name", 0), ("expression", 0)] }, // 955
    List(955), // 956
    Object { name: "DeviceSubRequest", fields: &[("name", 0), ("count", 0), ("capacity", 953), ("selectors", 959), ("tolerations", 961), ("allocationMode", 0), ("deviceClassName", 0), ("derivedAttributes", 958)] }, // 957
    List(955), // 958
    List(940), // 959
    Object { name: "DeviceToleration", fields: &[("key", 0), ("value", 0), ("effect", 0), ("operator", 0), ("tolerationSeconds", 0)] }, // 960
    List(960), // 961
    List(957), // 962
    List(940), // 963
    List(960), // 964
    List(952), // 965
    Object { name: "ResourceClaimStatus", fields: &[("devices", 983), ("allocation", 967), ("reservedFor", 985)] }, // 966
    Object { name: "AllocationResult", fields: &[("devices", 968), ("nodeSelector", 145), ("allocationTimestamp", 4)] }, // 967
    Object { name: "DeviceAllocationResult", fields: &[("config", 971), ("results", 978)] }, // 968
    Object { name: "DeviceAllocationConfiguration", fields: &[("opaque", 938), ("source", 0), ("requests", 970)] }, // 969
    List(0), // 970
    List(969), // 971
    Object { name: "DeviceRequestAllocationResult", fields: &[("pool", 0), ("device", 0), ("driver", 0), ("request", 0), ("shareID", 0), ("adminAccess", 0), ("tolerations", 977), ("consumedCapacity", 975), ("bindingConditions", 973), ("skipNodeOperations", 976), ("bindingFailureConditions", 974)] }, // 972
    List(0), // 973
    List(0), // 974
    Map(167), // 975
    List(0), // 976
    List(960), // 977
    List(972), // 978
    Object { name: "AllocatedDeviceStatus", fields: &[("data", 131), ("pool", 0), ("device", 0), ("driver", 0), ("shareID", 0), ("conditions", 980), ("networkData", 981)] }, // 979
    List(61), // 980
    Object { name: "NetworkDeviceData", fields: &[("ips", 982), ("interfaceName", 0), ("hardwareAddress", 0)] }, // 981
    List(0), // 982
    List(979), // 983
    Object { name: "ResourceClaimConsumerReference", fields: &[("uid", 0), ("name", 0), ("apiGroup", 0), ("resource", 0)] }, // 984
    List(984), // 985
    Object { name: "ResourceClaimTemplate", fields: &[("kind", 0), ("spec", 987), ("metadata", 2), ("apiVersion", 0)] }, // 986
    Object { name: "ResourceClaimTemplateSpec", fields: &[("spec", 944), ("metadata", 2)] }, // 987
    Object { name: "ResourceSlice", fields: &[("kind", 0), ("spec", 989), ("metadata", 2), ("apiVersion", 0)] }, // 988
    Object { name: "ResourceSliceSpec", fields: &[("pool", 1017), ("driver", 0), ("devices", 1016), ("allNodes", 0), ("nodeName", 0), ("nodeSelector", 145), ("sharedCounters", 1020), ("skipNodeOperations", 1021), ("partitionTypeAttribute", 0), ("perDeviceNodeSelection", 0)] }, // 989
    Object { name: "Device", fields: &[("name", 0), ("basic", 991)] }, // 990
    Object { name: "BasicDevice", fields: &[("taints", 1015), ("allNodes", 0), ("capacity", 1004), ("nodeName", 0), ("attributes", 997), ("bindsToNode", 0), ("nodeSelector", 145), ("consumesCounters", 1009), ("bindingConditions", 998), ("allowMultipleAllocations", 0), ("bindingFailureConditions", 999), ("nodeAllocatableResources", 1013)] }, // 991
    Object { name: "DeviceAttribute", fields: &[("int", 0), ("bool", 0), ("ints", 994), ("bools", 993), ("string", 0), ("strings", 995), ("version", 0), ("versions", 996)] }, // 992
    List(0), // 993
    List(0), // 994
    List(0), // 995
    List(0), // 996
    Map(992), // 997
    List(0), // 998
    List(0), // 999
    Object { name: "DeviceCapacity", fields: &[("value", 167), ("requestPolicy", 1001)] }, // 1000
    Object { name: "CapacityRequestPolicy", fields: &[("default", 167), ("validRange", 1002), ("validValues", 1003)] }, // 1001
    Object { name: "CapacityRequestPolicyRange", fields: &[("max", 167), ("min", 167), ("step", 167)] }, // 1002
    List(167), // 1003
    Map(1000), // 1004
    Object { name: "DeviceCounterConsumption", fields: &[("counters", 1008), ("counterSet", 0), ("compatibilityGroups", 1006)] }, // 1005
    List(0), // 1006
    Object { name: "Counter", fields: &[("value", 167)] }, // 1007
    Map(1007), // 1008
    List(1005), // 1009
    Object { name: "NodeAllocatableResource", fields: &[("mapping", 1011), ("overhead", 1012)] }, // 1010
    Object { name: "NodeAllocatableMapping", fields: &[("capacityKey", 0), ("deviceMultiplier", 167), ("capacityMultiplier", 167)] }, // 1011
    Object { name: "NodeAllocatableOverhead", fields: &[("perPod", 167), ("perContainer", 167)] }, // 1012
    Map(1010), // 1013
    Object { name: "DeviceTaint", fields: &[("key", 0), ("value", 0), ("effect", 0), ("timeAdded", 4)] }, // 1014
    List(1014), // 1015
    List(990), // 1016
    Object { name: "ResourcePool", fields: &[("name", 0), ("generation", 0), ("resourceSliceCount", 0)] }, // 1017
    Object { name: "CounterSet", fields: &[("name", 0), ("counters", 1019)] }, // 1018
    Map(1007), // 1019
    List(1018), // 1020
    List(0), // 1021
    Object { name: "DeviceClass", fields: &[("kind", 0), ("spec", 1023), ("metadata", 2), ("apiVersion", 0)] }, // 1022
    Object { name: "DeviceClassSpec", fields: &[("config", 1026), ("selectors", 1029), ("extendedResourceName", 0)] }, // 1023
    Object { name: "DeviceClassConfiguration", fields: &[("opaque", 1025)] }, // 1024
    Object { name: "OpaqueDeviceConfiguration", fields: &[("driver", 0), ("parameters", 131)] }, // 1025
    List(1024), // 1026
    Object { name: "DeviceSelector", fields: &[("cel", 1028)] }, // 1027
    Object { name: "CELDeviceSelector", fields: &[("expression", 0)] }, // 1028
    List(1027), // 1029
    Object { name: "DeviceTaintRule", fields: &[("kind", 0), ("spec", 1031), ("status", 1034), ("metadata", 2), ("apiVersion", 0)] }, // 1030
    Object { name: "DeviceTaintRuleSpec", fields: &[("taint", 1033), ("deviceSelector", 1032)] }, // 1031
    Object { name: "DeviceTaintSelector", fields: &[("pool", 0), ("device", 0), ("driver", 0)] }, // 1032
    Object { name: "DeviceTaint", fields: &[("key", 0), ("value", 0), ("effect", 0), ("timeAdded", 4)] }, // 1033
    Object { name: "DeviceTaintRuleStatus", fields: &[("conditions", 1035)] }, // 1034
    List(61), // 1035
    Object { name: "ResourceClaim", fields: &[("kind", 0), ("spec", 1037), ("status", 1060), ("metadata", 2), ("apiVersion", 0)] }, // 1036
    Object { name: "ResourceClaimSpec", fields: &[("devices", 1038)] }, // 1037
    Object { name: "DeviceClaim", fields: &[("config", 1041), ("requests", 1059), ("constraints", 1044)] }, // 1038
    Object { name: "DeviceClaimConfiguration", fields: &[("opaque", 1025), ("requests", 1040)] }, // 1039
    List(0), // 1040
    List(1039), // 1041
    Object { name: "DeviceConstraint", fields: &[("requests", 1043), ("matchAttribute", 0), ("distinctAttribute", 0)] }, // 1042
    List(0), // 1043
    List(1042), // 1044
    Object { name: "DeviceRequest", fields: &[("name", 0), ("exactly", 1046), ("firstAvailable", 1058)] }, // 1045
    Object { name: "ExactDeviceRequest", fields: &[("count", 0), ("capacity", 1047), ("selectors", 1051), ("adminAccess", 0), ("tolerations", 1053), ("allocationMode", 0), ("deviceClassName", 0), ("derivedAttributes", 1050)] }, // 1046
    Object { name: "CapacityRequirements", fields: &[("requests", 1048)] }, // 1047
    Map(167), // 1048
    Object { name: "DeviceDerivedAttribute", fields: &[("name", 0), ("expression", 0)] }, // 1049
    List(1049), // 1050
    List(1027), // 1051
    Object { name: "DeviceToleration", fields: &[("key", 0), ("value", 0), ("effect", 0), ("operator", 0), ("tolerationSeconds", 0)] }, // 1052
    List(1052), // 1053
    Object { name: "DeviceSubRequest", fields: &[("name", 0), ("count", 0), ("capacity", 1047), ("selectors", 1056), ("tolerations", 1057), ("allocationMode", 0), ("deviceClassName", 0), ("derivedAttributes", 1055)] }, // 1054
    List(1049), // 1055
    List(1027), // 1056
    List(1052), // 1057
    List(1054), // 1058
    List(1045), // 1059
    Object { name: "ResourceClaimStatus", fields: &[("devices", 1077), ("allocation", 1061), ("reservedFor", 1079)] }, // 1060
    Object { name: "AllocationResult", fields: &[("devices", 1062), ("nodeSelector", 145), ("allocationTimestamp", 4)] }, // 1061
    Object { name: "DeviceAllocationResult", fields: &[("config", 1065), ("results", 1072)] }, // 1062
    Object { name: "DeviceAllocationConfiguration", fields: &[("opaque", 1025), ("source", 0), ("requests", 1064)] }, // 1063
    List(0), // 1064
    List(1063), // 1065
    Object { name: "DeviceRequestAllocationResult", fields: &[("pool", 0), ("device", 0), ("driver", 0), ("request", 0), ("shareID", 0), ("adminAccess", 0), ("tolerations", 1071), ("consumedCapacity", 1069), ("bindingConditions", 1067), ("skipNodeOperations", 1070), ("bindingFailureConditions", 1068)] }, // 1066
    List(0), // 1067
    List(0), // 1068
    Map(167), // 1069
    List(0), // 1070
    List(1052), // 1071
    List(1066), // 1072
    Object { name: "AllocatedDeviceStatus", fields: &[("data", 131), ("pool", 0), ("device", 0), ("driver", 0), ("shareID", 0), ("conditions", 1074), ("networkData", 1075)] }, // 1073
    List(61), // 1074
    Object { name: "NetworkDeviceData", fields: &[("ips", 1076), ("interfaceName", 0), ("hardwareAddress", 0)] }, // 1075
    List(0), // 1076
    List(1073), // 1077
    Object { name: "ResourceClaimConsumerReference", fields: &[("uid", 0), ("name", 0), ("apiGroup", 0), ("resource", 0)] }, // 1078
    List(1078), // 1079
    Object { name: "ResourceClaimTemplate", fields: &[("kind", 0), ("spec", 1081), ("metadata", 2), ("apiVersion", 0)] }, // 1080
    Object { name: "ResourceClaimTemplateSpec", fields: &[("spec", 1037), ("metadata", 2)] }, // 1081
    Object { name: "ResourceSlice", fields: &[("kind", 0), ("spec", 1083), ("metadata", 2), ("apiVersion", 0)] }, // 1082
    Object { name: "ResourceSliceSpec", fields: &[("pool", 1109), ("driver", 0), ("devices", 1108), ("allNodes", 0), ("nodeName", 0), ("nodeSelector", 145), ("sharedCounters", 1112), ("skipNodeOperations", 1113), ("partitionTypeAttribute", 0), ("perDeviceNodeSelection", 0)] }, // 1083
    Object { name: "Device", fields: &[("name", 0), ("taints", 1107), ("allNodes", 0), ("capacity", 1097), ("nodeName", 0), ("attributes", 1090), ("bindsToNode", 0), ("nodeSelector", 145), ("consumesCounters", 1102), ("bindingConditions", 1091), ("allowMultipleAllocations", 0), ("bindingFailureConditions", 1092), ("nodeAllocatableResources", 1106)] }, // 1084
    Object { name: "DeviceAttribute", fields: &[("int", 0), ("bool", 0), ("ints", 1087), ("bools", 1086), ("string", 0), ("strings", 1088), ("version", 0), ("versions", 1089)] }, // 1085
    List(0), // 1086
    List(0), // 1087
    List(0), // 1088
    List(0), // 1089
    Map(1085), // 1090
    List(0), // 1091
    List(0), // 1092
    Object { name: "DeviceCapacity", fields: &[("value", 167), ("requestPolicy", 1094)] }, // 1093
    Object { name: "CapacityRequestPolicy", fields: &[("default", 167), ("validRange", 1095), ("validValues", 1096)] }, // 1094
    Object { name: "CapacityRequestPolicyRange", fields: &[("max", 167), ("min", 167), ("step", 167)] }, // 1095
    List(167), // 1096
    Map(1093), // 1097
    Object { name: "DeviceCounterConsumption", fields: &[("counters", 1101), ("counterSet", 0), ("compatibilityGroups", 1099)] }, // 1098
    List(0), // 1099
    Object { name: "Counter", fields: &[("value", 167)] }, // 1100
    Map(1100), // 1101
    List(1098), // 1102
    Object { name: "NodeAllocatableResource", fields: &[("mapping", 1104), ("overhead", 1105)] }, // 1103
    Object { name: "NodeAllocatableMapping", fields: &[("capacityKey", 0), ("deviceMultiplier", 167), ("capacityMultiplier", 167)] }, // 1104
    Object { name: "NodeAllocatableOverhead", fields: &[("perPod", 167), ("perContainer", 167)] }, // 1105
    Map(1103), // 1106
    List(1033), // 1107
    List(1084), // 1108
    Object { name: "ResourcePool", fields: &[("name", 0), ("generation", 0), ("resourceSliceCount", 0)] }, // 1109
    Object { name: "CounterSet", fields: &[("name", 0), ("counters", 1111)] }, // 1110
    Map(1100), // 1111
    List(1110), // 1112
    List(0), // 1113
    Object { name: "PriorityClass", fields: &[("kind", 0), ("value", 0), ("metadata", 2), ("apiVersion", 0), ("description", 0), ("globalDefault", 0), ("preemptionPolicy", 0)] }, // 1114
    Object { name: "CompositePodGroup", fields: &[("kind", 0), ("spec", 1116), ("status", 1126), ("metadata", 2), ("apiVersion", 0)] }, // 1115
    Object { name: "CompositePodGroupSpec", fields: &[("priority", 0), ("workloadRef", 1125), ("disruptionMode", 1117), ("preemptionPolicy", 0), ("schedulingPolicy", 1122), ("priorityClassName", 0), ("schedulingConstraints", 1120), ("parentCompositePodGroupName", 0)] }, // 1116
    Object { name: "CompositeDisruptionMode", fields: &[("all", 1118), ("single", 1119)] }, // 1117
    Any, // 1118
    Any, // 1119
    Object { name: "CompositePodGroupSchedulingConstraints", fields: &[("topology", 1121)] }, // 1120
    List(459), // 1121
    Object { name: "CompositePodGroupSchedulingPolicy", fields: &[("gang", 1124), ("basic", 1123)] }, // 1122
    Any, // 1123
    Object { name: "CompositeGangSchedulingPolicy", fields: &[("minGroupCount", 0)] }, // 1124
    Object { name: "WorkloadReference", fields: &[("templateName", 0), ("workloadName", 0)] }, // 1125
    Object { name: "CompositePodGroupStatus", fields: &[("conditions", 1127)] }, // 1126
    List(61), // 1127
    Object { name: "PodGroup", fields: &[("kind", 0), ("spec", 1129), ("status", 1140), ("metadata", 2), ("apiVersion", 0)] }, // 1128
    Object { name: "PodGroupSpec", fields: &[("priority", 0), ("workloadRef", 1125), ("disruptionMode", 1130), ("resourceClaims", 1134), ("preemptionPolicy", 0), ("schedulingPolicy", 1137), ("priorityClassName", 0), ("schedulingConstraints", 1135), ("parentCompositePodGroupName", 0)] }, // 1129
    Object { name: "DisruptionMode", fields: &[("all", 1131), ("single", 1132)] }, // 1130
    Any, // 1131
    Any, // 1132
    Object { name: "PodGroupResourceClaim", fields: &[("name", 0), ("resourceClaimName", 0), ("resourceClaimTemplateName", 0)] }, // 1133
    List(1133), // 1134
    Object { name: "PodGroupSchedulingConstraints", fields: &[("topology", 1136)] }, // 1135
    List(459), // 1136
    Object { name: "PodGroupSchedulingPolicy", fields: &[("gang", 1139), ("basic", 1138)] }, // 1137
    Any, // 1138
    Object { name: "GangSchedulingPolicy", fields: &[("minCount", 0)] }, // 1139
    Object { name: "PodGroupStatus", fields: &[("conditions", 1141), ("resourceClaimStatuses", 1143)] }, // 1140
    List(61), // 1141
    Object { name: "PodGroupResourceClaimStatus", fields: &[("name", 0), ("resourceClaimName", 0)] }, // 1142
    List(1142), // 1143
    Object { name: "Workload", fields: &[("kind", 0), ("spec", 1145), ("metadata", 2), ("apiVersion", 0)] }, // 1144
    Object { name: "WorkloadSpec", fields: &[("controllerRef", 1152), ("podGroupTemplates", 1153), ("compositePodGroupTemplates", 1151)] }, // 1145
    Object { name: "CompositePodGroupTemplate", fields: &[("name", 0), ("priority", 0), ("disruptionMode", 1117), ("preemptionPolicy", 0), ("schedulingPolicy", 1122), ("podGroupTemplates", 1150), ("priorityClassName", 0), ("schedulingConstraints", 1120), ("compositePodGroupTemplates", 1147)] }, // 1146
    List(1146), // 1147
    Object { name: "PodGroupTemplate", fields: &[("name", 0), ("priority", 0), ("disruptionMode", 1130), ("resourceClaims", 1149), ("preemptionPolicy", 0), ("schedulingPolicy", 1137), ("priorityClassName", 0), ("schedulingConstraints", 1135)] }, // 1148
    List(1133), // 1149
    List(1148), // 1150
    List(1146), // 1151
    Object { name: "TypedLocalObjectReference", fields: &[("kind", 0), ("name", 0), ("apiGroup", 0)] }, // 1152
    List(1148), // 1153
    Object { name: "PodGroup", fields: &[("kind", 0), ("spec", 1155), ("status", 1168), ("metadata", 2), ("apiVersion", 0)] }, // 1154
    Object { name: "PodGroupSpec", fields: &[("priority", 0), ("workloadRef", 1167), ("disruptionMode", 1156), ("resourceClaims", 1160), ("preemptionPolicy", 0), ("schedulingPolicy", 1164), ("priorityClassName", 0), ("schedulingConstraints", 1161), ("parentCompositePodGroupName", 0)] }, // 1155
    Object { name: "DisruptionMode", fields: &[("all", 1157), ("single", 1158)] }, // 1156
    Any, // 1157
    Any, // 1158
    Object { name: "PodGroupResourceClaim", fields: &[("name", 0), ("resourceClaimName", 0), ("resourceClaimTemplateName", 0)] }, // 1159
    List(1159), // 1160
    Object { name: "PodGroupSchedulingConstraints", fields: &[("topology", 1163)] }, // 1161
    Object { name: "TopologyConstraint", fields: &[("key", 0)] }, // 1162
    List(1162), // 1163
    Object { name: "PodGroupSchedulingPolicy", fields: &[("gang", 1166), ("basic", 1165)] }, // 1164
    Any, // 1165
    Object { name: "GangSchedulingPolicy", fields: &[("minCount", 0)] }, // 1166
    Object { name: "WorkloadReference", fields: &[("templateName", 0), ("workloadName", 0)] }, // 1167
    Object { name: "PodGroupStatus", fields: &[("conditions", 1169), ("resourceClaimStatuses", 1171)] }, // 1168
    List(61), // 1169
    Object { name: "PodGroupResourceClaimStatus", fields: &[("name", 0), ("resourceClaimName", 0)] }, // 1170
    List(1170), // 1171
    Object { name: "Workload", fields: &[("kind", 0), ("spec", 1173), ("metadata", 2), ("apiVersion", 0)] }, // 1172
    Object { name: "WorkloadSpec", fields: &[("controllerRef", 1188), ("podGroupTemplates", 1189), ("compositePodGroupTemplates", 1187)] }, // 1173
    Object { name: "CompositePodGroupTemplate", fields: &[("name", 0), ("priority", 0), ("disruptionMode", 1176), ("preemptionPolicy", 0), ("schedulingPolicy", 1184), ("podGroupTemplates", 1181), ("priorityClassName", 0), ("schedulingConstraints", 1182), ("compositePodGroupTemplates", 1175)] }, // 1174
    List(1174), // 1175
    Object { name: "CompositeDisruptionMode", fields: &[("all", 1177), ("single", 1178)] }, // 1176
    Any, // 1177
    Any, // 1178
    Object { name: "PodGroupTemplate", fields: &[("name", 0), ("priority", 0), ("disruptionMode", 1156), ("resourceClaims", 1180), ("preemptionPolicy", 0), ("schedulingPolicy", 1164), ("priorityClassName", 0), ("schedulingConstraints", 1161)] }, // 1179
    List(1159), // 1180
    List(1179), // 1181
    Object { name: "CompositePodGroupSchedulingConstraints", fields: &[("topology", 1183)] }, // 1182
    List(1162), // 1183
    Object { name: "CompositePodGroupSchedulingPolicy", fields: &[("gang", 1186), ("basic", 1185)] }, // 1184
    Any, // 1185
    Object { name: "CompositeGangSchedulingPolicy", fields: &[("minGroupCount", 0)] }, // 1186
    List(1174), // 1187
    Object { name: "TypedLocalObjectReference", fields: &[("kind", 0), ("name", 0), ("apiGroup", 0)] }, // 1188
    List(1179), // 1189
    Object { name: "CSIDriver", fields: &[("kind", 0), ("spec", 1191), ("metadata", 2), ("apiVersion", 0)] }, // 1190
    Object { name: "CSIDriverSpec", fields: &[("seLinuxMount", 0), ("fsGroupPolicy", 0), ("tokenRequests", 1193), ("attachRequired", 0), ("podInfoOnMount", 0), ("storageCapacity", 0), ("requiresRepublish", 0), ("volumeLifecycleModes", 1194), ("serviceAccountTokenInSecrets", 0), ("preventPodSchedulingIfMissing", 0), ("nodeAllocatableUpdatePeriodSeconds", 0)] }, // 1191
    Object { name: "TokenRequest", fields: &[("audience", 0), ("expirationSeconds", 0)] }, // 1192
    List(1192), // 1193
    List(0), // 1194
    Object { name: "CSINode", fields: &[("kind", 0), ("spec", 1196), ("status", 1201), ("metadata", 2), ("apiVersion", 0)] }, // 1195
    Object { name: "CSINodeSpec", fields: &[("drivers", 1200)] }, // 1196
    Object { name: "CSINodeDriver", fields: &[("name", 0), ("nodeID", 0), ("allocatable", 1198), ("topologyKeys", 1199)] }, // 1197
    Object { name: "VolumeNodeResources", fields: &[("count", 0)] }, // 1198
    List(0), // 1199
    List(1197), // 1200
    Object { name: "CSINodeStatus", fields: &[("storageHealth", 1205)] }, // 1201
    Object { name: "StorageHealth", fields: &[("name", 0), ("healthConditions", 1204)] }, // 1202
    Object { name: "StorageHealthCondition", fields: &[("reason", 0), ("status", 0), ("message", 0), ("accessMode", 0), ("volumeMode", 0), ("lastTransitionTime", 4)] }, // 1203
    List(1203), // 1204
    List(1202), // 1205
    Object { name: "CSIStorageCapacity", fields: &[("kind", 0), ("capacity", 167), ("metadata", 2), ("apiVersion", 0), ("nodeTopology", 23), ("storageClassName", 0), ("maximumVolumeSize", 167)] }, // 1206
    Object { name: "StorageClass", fields: &[("kind", 0), ("metadata", 2), ("apiVersion", 0), ("parameters", 1214), ("provisioner", 0), ("mountOptions", 1213), ("reclaimPolicy", 0), ("allowedTopologies", 1212), ("volumeBindingMode", 0), ("allowVolumeExpansion", 0)] }, // 1207
    Object { name: "TopologySelectorTerm", fields: &[("matchLabelExpressions", 1211)] }, // 1208
    Object { name: "TopologySelectorLabelRequirement", fields: &[("key", 0), ("values", 1210)] }, // 1209
    List(0), // 1210
    List(1209), // 1211
    List(1208), // 1212
    List(0), // 1213
    Map(0), // 1214
    Object { name: "VolumeAttachment", fields: &[("kind", 0), ("spec", 1216), ("status", 1218), ("metadata", 2), ("apiVersion", 0)] }, // 1215
    Object { name: "VolumeAttachmentSpec", fields: &[("source", 1217), ("attacher", 0), ("nodeName", 0)] }, // 1216
    Object { name: "VolumeAttachmentSource", fields: &[("inlineVolumeSpec", 573), ("persistentVolumeName", 0)] }, // 1217
    Object { name: "VolumeAttachmentStatus", fields: &[("attached", 0), ("attachError", 1219), ("detachError", 1219), ("attachmentMetadata", 1220)] }, // 1218
    Object { name: "VolumeError", fields: &[("time", 4), ("message", 0), ("errorCode", 0)] }, // 1219
    Map(0), // 1220
    Object { name: "VolumeAttributesClass", fields: &[("kind", 0), ("metadata", 2), ("apiVersion", 0), ("driverName", 0), ("parameters", 1222)] }, // 1221
    Map(0), // 1222
    Object { name: "StorageVersionMigration", fields: &[("kind", 0), ("spec", 1224), ("status", 1226), ("metadata", 2), ("apiVersion", 0)] }, // 1223
    Object { name: "StorageVersionMigrationSpec", fields: &[("resource", 1225)] }, // 1224
    Object { name: "GroupResource", fields: &[("group", 0), ("resource", 0)] }, // 1225
    Object { name: "StorageVersionMigrationStatus", fields: &[("conditions", 1227), ("resourceVersion", 0)] }, // 1226
    List(61), // 1227
    Object { name: "StorageVersionMigration", fields: &[("kind", 0), ("spec", 1229), ("status", 1230), ("metadata", 2), ("apiVersion", 0)] }, // 1228
    Object { name: "StorageVersionMigrationSpec", fields: &[("resource", 1225)] }, // 1229
    Object { name: "StorageVersionMigrationStatus", fields: &[("conditions", 1231), ("resourceVersion", 0)] }, // 1230
    List(61), // 1231
    Object { name: "CustomResourceDefinition", fields: &[("kind", 0), ("spec", 1233), ("status", 1270), ("metadata", 2), ("apiVersion", 0)] }, // 1232
    Object { name: "CustomResourceDefinitionSpec", fields: &[("group", 0), ("names", 1239), ("scope", 0), ("versions", 1269), ("conversion", 1234), ("preserveUnknownFields", 0)] }, // 1233
    Object { name: "CustomResourceConversion", fields: &[("webhook", 1235), ("strategy", 0)] }, // 1234
    Object { name: "WebhookConversion", fields: &[("clientConfig", 1236), ("conversionReviewVersions", 1238)] }, // 1235
    Object { name: "WebhookClientConfig", fields: &[("url", 0), ("service", 1237), ("caBundle", 0)] }, // 1236
    Object { name: "ServiceReference", fields: &[("name", 0), ("path", 0), ("port", 0), ("namespace", 0)] }, // 1237
    List(0), // 1238
    Object { name: "CustomResourceDefinitionNames", fields: &[("kind", 0), ("plural", 0), ("listKind", 0), ("singular", 0), ("categories", 1240), ("shortNames", 1241)] }, // 1239
    List(0), // 1240
    List(0), // 1241
    Object { name: "CustomResourceDefinitionVersion", fields: &[("name", 0), ("schema", 1245), ("served", 0), ("storage", 0), ("deprecated", 0), ("subresources", 1266), ("selectableFields", 1265), ("deprecationWarning", 0), ("additionalPrinterColumns", 1244)] }, // 1242
    Object { name: "CustomResourceColumnDefinition", fields: &[("name", 0), ("type", 0), ("format", 0), ("jsonPath", 0), ("priority", 0), ("description", 0)] }, // 1243
    List(1243), // 1244
    Object { name: "CustomResourceValidation", fields: &[("openAPIV3Schema", 1246)] }, // 1245
    Object { name: "JSONSchemaProps", fields: &[("id", 0), ("not", 1246), ("$ref", 0), ("enum", 1254), ("type", 0), ("allOf", 1248), ("anyOf", 1249), ("items", 1256), ("oneOf", 1257), ("title", 0), ("format", 0), ("$schema", 0), ("default", 1250), ("example", 1250), ("maximum", 0), ("minimum", 0), ("pattern", 0), ("maxItems", 0), ("minItems", 0), ("nullable", 0), ("required", 1260), ("maxLength", 0), ("minLength", 0), ("multipleOf", 0), ("properties", 1259), ("definitions", 1251), ("description", 0), ("uniqueItems", 0), ("dependencies", 1253), ("externalDocs", 1255), ("maxProperties", 0), ("minProperties", 0), ("additionalItems", 1247), ("exclusiveMaximum", 0), ("exclusiveMinimum", 0), ("patternProperties", 1258), ("additionalProperties", 1247), ("x-kubernetes-map-type", 0), ("x-kubernetes-list-type", 0), ("x-kubernetes-validations", 1263), ("x-kubernetes-int-or-string", 0), ("x-kubernetes-list-map-keys", 1261), ("x-kubernetes-embedded-resource", 0), ("x-kubernetes-preserve-unknown-fields", 0)] }, // 1246
    Any, // 1247
    List(1246), // 1248
    List(1246), // 1249
    Any, // 1250
    Map(1246), // 1251
    Any, // 1252
    Map(1252), // 1253
    List(1250), // 1254
    Object { name: "ExternalDocumentation", fields: &[("url", 0), ("description", 0)] }, // 1255
    Any, // 1256
    List(1246), // 1257
    Map(1246), // 1258
    Map(1246), // 1259
    List(0), // 1260
    List(0), // 1261
    Object { name: "ValidationRule", fields: &[("rule", 0), ("reason", 0), ("message", 0), ("fieldPath", 0), ("optionalOldSelf", 0), ("messageExpression", 0)] }, // 1262
    List(1262), // 1263
    Object { name: "SelectableField", fields: &[("jsonPath", 0)] }, // 1264
    List(1264), // 1265
    Object { name: "CustomResourceSubresources", fields: &[("scale", 1267), ("status", 1268)] }, // 1266
    Object { name: "CustomResourceSubresourceScale", fields: &[("specReplicasPath", 0), ("labelSelectorPath", 0), ("statusReplicasPath", 0)] }, // 1267
    Any, // 1268
    List(1242), // 1269
    Object { name: "CustomResourceDefinitionStatus", fields: &[("conditions", 1272), ("acceptedNames", 1239), ("storedVersions", 1273), ("observedGeneration", 0)] }, // 1270
    Object { name: "CustomResourceDefinitionCondition", fields: &[("type", 0), ("reason", 0), ("status", 0), ("message", 0), ("lastTransitionTime", 4), ("observedGeneration", 0)] }, // 1271
    List(1271), // 1272
    List(0), // 1273
    Object { name: "APIService", fields: &[("kind", 0), ("spec", 1275), ("status", 1277), ("metadata", 2), ("apiVersion", 0)] }, // 1274
    Object { name: "APIServiceSpec", fields: &[("group", 0), ("service", 1276), ("version", 0), ("caBundle", 0), ("versionPriority", 0), ("groupPriorityMinimum", 0), ("insecureSkipTLSVerify", 0)] }, // 1275
    Object { name: "ServiceReference", fields: &[("name", 0), ("port", 0), ("namespace", 0)] }, // 1276
    Object { name: "APIServiceStatus", fields: &[("conditions", 1279)] }, // 1277
    Object { name: "APIServiceCondition", fields: &[("type", 0), ("reason", 0), ("status", 0), ("message", 0), ("lastTransitionTime", 4)] }, // 1278
    List(1278), // 1279
    Object { name: "JobSet", fields: &[("kind", 0), ("spec", 1281), ("status", 0), ("metadata", 2), ("apiVersion", 0)] }, // 1280
    Object { name: "JobSetSpec", fields: &[("network", 1286), ("suspend", 0), ("managedBy", 0), ("coordinator", 1292), ("failurePolicy", 1288), ("startupPolicy", 1291), ("successPolicy", 1287), ("replicatedJobs", 1285), ("volumeClaimPolicies", 1296), ("ttlSecondsAfterFinished", 0)] }, // 1281
    Object { name: "ReplicatedJob", fields: &[("name", 0), ("replicas", 0), ("template", 443), ("dependsOn", 1284), ("groupName", 0)] }, // 1282
    Object { name: "DependsOn", fields: &[("name", 0), ("status", 0)] }, // 1283
    List(1283), // 1284
    List(1282), // 1285
    Object { name: "Network", fields: &[("subdomain", 0), ("enableDNSHostnames", 0), ("publishNotReadyAddresses", 0)] }, // 1286
    Object { name: "JobSetSuccessPolicy", fields: &[("operator", 0), ("targetReplicatedJobs", 0)] }, // 1287
    Object { name: "FailurePolicy", fields: &[("rules", 1290), ("maxRestarts", 0), ("restartStrategy", 0)] }, // 1288
    Object { name: "FailurePolicyRule", fields: &[("name", 0), ("action", 0), ("onJobFailureReasons", 0), ("targetReplicatedJobs", 0), ("onJobFailureMessagePatterns", 0)] }, // 1289
    List(1289), // 1290
    Object { name: "StartupPolicy", fields: &[("startupPolicyOrder", 0)] }, // 1291
    Object { name: "Coordinator", fields: &[("jobIndex", 0), ("podIndex", 0), ("replicatedJob", 0)] }, // 1292
    Object { name: "VolumeClaimPolicy", fields: &[("templates", 1294), ("retentionPolicy", 1295)] }, // 1293
    List(343), // 1294
    Object { name: "VolumeRetentionPolicy", fields: &[("whenDeleted", 0)] }, // 1295
    List(1293), // 1296
    Object { name: "JAXJob", fields: &[("kind", 0), ("spec", 1298), ("status", 0), ("metadata", 2), ("apiVersion", 0)] }, // 1297
    Object { name: "JAXJobSpec", fields: &[("runPolicy", 1299), ("jaxReplicaSpecs", 1302)] }, // 1298
    Object { name: "RunPolicy", fields: &[("suspend", 0), ("managedBy", 0), ("backoffLimit", 0), ("cleanPodPolicy", 0), ("schedulingPolicy", 1300), ("activeDeadlineSeconds", 0), ("ttlSecondsAfterFinished", 0)] }, // 1299
    Object { name: "SchedulingPolicy", fields: &[("queue", 0), ("minAvailable", 0), ("minResources", 0), ("priorityClass", 0), ("scheduleTimeoutSeconds", 0)] }, // 1300
    Object { name: "ReplicaSpec", fields: &[("replicas", 0), ("template", 134), ("restartPolicy", 0)] }, // 1301
    Map(1301), // 1302
    Object { name: "MPIJob", fields: &[("kind", 0), ("spec", 1304), ("status", 0), ("metadata", 2), ("apiVersion", 0)] }, // 1303
    Object { name: "MPIJobSpec", fields: &[("runPolicy", 1299), ("backoffLimit", 0), ("mainContainer", 0), ("cleanPodPolicy", 0), ("slotsPerWorker", 0), ("mpiReplicaSpecs", 1305), ("schedulingPolicy", 1300), ("activeDeadlineSeconds", 0), ("ttlSecondsAfterFinished", 0)] }, // 1304
    Map(1301), // 1305
    Object { name: "MXJob", fields: &[("kind", 0), ("spec", 1307), ("status", 0), ("metadata", 2), ("apiVersion", 0)] }, // 1306
    Object { name: "MXJobSpec", fields: &[("jobMode", 0), ("runPolicy", 1299), ("backoffLimit", 0), ("successPolicy", 0), ("cleanPodPolicy", 0), ("mxReplicaSpecs", 1309), ("schedulingPolicy", 1300), ("activeDeadlineSeconds", 0), ("ttlSecondsAfterFinished", 0)] }, // 1307
    Object { name: "MXReplicaSpec", fields: &[("label", 0), ("replicas", 0), ("template", 134), ("restartPolicy", 0)] }, // 1308
    Map(1308), // 1309
    Object { name: "PaddleJob", fields: &[("kind", 0), ("spec", 1311), ("status", 0), ("metadata", 2), ("apiVersion", 0)] }, // 1310
    Object { name: "PaddleJobSpec", fields: &[("runPolicy", 1299), ("elasticPolicy", 1312), ("paddleReplicaSpecs", 1314)] }, // 1311
    Object { name: "PaddleElasticPolicy", fields: &[("metrics", 1313), ("maxReplicas", 0), ("maxRestarts", 0), ("minReplicas", 0)] }, // 1312
    List(420), // 1313
    Map(1301), // 1314
    Object { name: "PyTorchJob", fields: &[("kind", 0), ("spec", 1316), ("status", 0), ("metadata", 2), ("apiVersion", 0)] }, // 1315
    Object { name: "PyTorchJobSpec", fields: &[("runPolicy", 1299), ("backoffLimit", 0), ("nprocPerNode", 0), ("elasticPolicy", 1317), ("cleanPodPolicy", 0), ("schedulingPolicy", 1300), ("pytorchReplicaSpecs", 1321), ("activeDeadlineSeconds", 0), ("ttlSecondsAfterFinished", 0)] }, // 1316
    Object { name: "ElasticPolicy", fields: &[("rdzvId", 0), ("metrics", 1320), ("rdzvConf", 1319), ("rdzvHost", 0), ("rdzvPort", 0), ("standalone", 0), ("maxReplicas", 0), ("maxRestarts", 0), ("minReplicas", 0), ("rdzvBackend", 0), ("nProcPerNode", 0)] }, // 1317
    Object { name: "RDZVConf", fields: &[("key", 0), ("value", 0)] }, // 1318
    List(1318), // 1319
    List(420), // 1320
    Map(1301), // 1321
    Object { name: "TFJob", fields: &[("kind", 0), ("spec", 1323), ("status", 0), ("metadata", 2), ("apiVersion", 0)] }, // 1322
    Object { name: "TFJobSpec", fields: &[("runPolicy", 1299), ("backoffLimit", 0), ("successPolicy", 0), ("cleanPodPolicy", 0), ("tfReplicaSpecs", 1324), ("schedulingPolicy", 1300), ("enableDynamicWorker", 0), ("activeDeadlineSeconds", 0), ("ttlSecondsAfterFinished", 0)] }, // 1323
    Map(1301), // 1324
    Object { name: "XGBoostJob", fields: &[("kind", 0), ("spec", 1326), ("status", 0), ("metadata", 2), ("apiVersion", 0)] }, // 1325
    Object { name: "XGBoostJobSpec", fields: &[("runPolicy", 1299), ("backoffLimit", 0), ("cleanPodPolicy", 0), ("xgbReplicaSpecs", 1327), ("schedulingPolicy", 1300), ("activeDeadlineSeconds", 0), ("ttlSecondsAfterFinished", 0)] }, // 1326
    Map(1301), // 1327
    Object { name: "MPIJob", fields: &[("kind", 0), ("spec", 1329), ("status", 0), ("metadata", 2), ("apiVersion", 0)] }, // 1328
    Object { name: "MPIJobSpec", fields: &[("runPolicy", 1299), ("slotsPerWorker", 0), ("waitForWorkers", 0), ("mpiReplicaSpecs", 1330), ("sshAuthMountPath", 0), ("mpiImplementation", 0), ("runLauncherAsWorker", 0), ("launcherCreationPolicy", 0)] }, // 1329
    Map(1301), // 1330
    Object { name: "LeaderWorkerSet", fields: &[("kind", 0), ("spec", 1332), ("status", 0), ("metadata", 2), ("apiVersion", 0)] }, // 1331
    Object { name: "LeaderWorkerSetSpec", fields: &[("replicas", 0), ("networkConfig", 1338), ("startupPolicy", 0), ("rolloutStrategy", 1336), ("leaderWorkerTemplate", 1333)] }, // 1332
    Object { name: "LeaderWorkerTemplate", fields: &[("size", 0), ("restartPolicy", 0), ("leaderTemplate", 134), ("subGroupPolicy", 1334), ("workerTemplate", 134), ("volumeClaimTemplates", 1335), ("persistentVolumeClaimRetentionPolicy", 340)] }, // 1333
    Object { name: "SubGroupPolicy", fields: &[("subGroupSize", 0), ("subGroupPolicyType", 0)] }, // 1334
    List(343), // 1335
    Object { name: "RolloutStrategy", fields: &[("type", 0), ("rollingUpdateConfiguration", 1337)] }, // 1336
    Object { name: "RollingUpdateConfiguration", fields: &[("maxSurge", 0), ("partition", 0), ("maxUnavailable", 0)] }, // 1337
    Object { name: "NetworkConfig", fields: &[("subdomainPolicy", 0)] }, // 1338
    Object { name: "TrainingRuntime", fields: &[("kind", 0), ("spec", 1340), ("metadata", 2), ("apiVersion", 0)] }, // 1339
    Object { name: "TrainingRuntimeSpec", fields: &[("mlPolicy", 1341), ("template", 1354), ("podGroupPolicy", 1351), ("activeDeadlineSeconds", 0), ("ttlSecondsAfterFinished", 0)] }, // 1340
    Object { name: "MLPolicy", fields: &[("jax", 1350), ("mpi", 1348), ("flux", 1349), ("torch", 1342), ("xgboost", 1350), ("numNodes", 0)] }, // 1341
    Object { name: "TorchMLPolicySource", fields: &[("envInjection", 1345), ("elasticPolicy", 1343), ("numProcPerNode", 0)] }, // 1342
    Object { name: "TorchElasticPolicy", fields: &[("metrics", 1344), ("maxNodes", 0), ("minNodes", 0), ("maxRestarts", 0)] }, // 1343
    List(420), // 1344
    Object { name: "EnvInjection", fields: &[("targets", 1347)] }, // 1345
    Object { name: "EnvInjectionTarget", fields: &[("jobName", 0), ("containerNames", 0)] }, // 1346
    List(1346), // 1347
    Object { name: "MPIMLPolicySource", fields: &[("numProcPerNode", 0), ("sshAuthMountPath", 0), ("mpiImplementation", 0), ("runLauncherAsNode", 0)] }, // 1348
    Object { name: "FluxMLPolicySource", fields: &[("numProcPerNode", 0)] }, // 1349
    Object { name: "EmptyMLPolicySource", fields: &[] }, // 1350
    Object { name: "PodGroupPolicy", fields: &[("volcano", 1353), ("coscheduling", 1352)] }, // 1351
    Object { name: "CoschedulingPodGroupPolicySource", fields: &[("scheduleTimeoutSeconds", 0)] }, // 1352
    Object { name: "VolcanoPodGroupPolicySource", fields: &[("networkTopology", 0)] }, // 1353
    Object { name: "JobSetTemplateSpec", fields: &[("spec", 1281), ("metadata", 2)] }, // 1354
    Object { name: "TrainJob", fields: &[("kind", 0), ("spec", 1356), ("status", 0), ("metadata", 2), ("apiVersion", 0)] }, // 1355
    Object { name: "TrainJobSpec", fields: &[("labels", 0), ("suspend", 0), ("trainer", 1361), ("managedBy", 0), ("runtimeRef", 1357), ("annotations", 0), ("initializer", 1358), ("runtimePatches", 1413), ("podSpecOverrides", 1377), ("templateOverrides", 1393), ("podTemplateOverrides", 1387), ("activeDeadlineSeconds", 0)] }, // 1356
    Object { name: "RuntimeRef", fields: &[("kind", 0), ("name", 0), ("apiGroup", 0)] }, // 1357
    Object { name: "Initializer", fields: &[("model", 1359), ("dataset", 1359)] }, // 1358
    Object { name: "StorageInitializer", fields: &[("env", 1360), ("secretRef", 234), ("storageUri", 0)] }, // 1359
    List(161), // 1360
    Object { name: "Trainer", fields: &[("env", 1362), ("args", 0), ("image", 0), ("command", 0), ("numNodes", 0), ("numProcPerNode", 0), ("resourcesPerNode", 190), ("resourceClaimsPerNode", 1364)] }, // 1361
    List(161), // 1362
    Object { name: "TrainerResourceClaim", fields: &[("name", 0), ("resourceClaimTemplateName", 0)] }, // 1363
    List(1363), // 1364
    Object { name: "PodSpecOverride", fields: &[("volumes", 1369), ("affinity", 136), ("containers", 1374), ("targetJobs", 1367), ("tolerations", 1368), ("nodeSelector", 0), ("initContainers", 1373), ("schedulingGates", 1375), ("imagePullSecrets", 1376), ("serviceAccountName", 0)] }, // 1365
    Object { name: "TargetJob", fields: &[("name", 0)] }, // 1366
    List(1366), // 1367
    List(251), // 1368
    List(256), // 1369
    Object { name: "ContainerOverride", fields: &[("env", 1371), ("name", 0), ("volumeMounts", 1372), ("securityContext", 199)] }, // 1370
    List(161), // 1371
    List(209), // 1372
    List(1370), // 1373
    List(1370), // 1374
    List(244), // 1375
    List(234), // 1376
    List(1365), // 1377
    Object { name: "PodTemplateOverride", fields: &[("spec", 1380), ("time", 0), ("metadata", 2), ("targetJobs", 1379)] }, // 1378
    List(1366), // 1379
    Object { name: "PodTemplateSpecOverride", fields: &[("volumes", 1382), ("affinity", 136), ("containers", 1384), ("tolerations", 1381), ("nodeSelector", 0), ("initContainers", 1383), ("schedulingGates", 1385), ("securityContext", 247), ("imagePullSecrets", 1386), ("serviceAccountName", 0)] }, // 1380
    List(251), // 1381
    List(256), // 1382
    List(1370), // 1383
    List(1370), // 1384
    List(244), // 1385
    List(234), // 1386
    List(1378), // 1387
    Object { name: "TemplateOverride", fields: &[("job", 1391), ("pod", 1392), ("manager", 0)] }, // 1388
    Object { name: "JobTemplateOverride", fields: &[("time", 0), ("metadata", 2), ("targetJobs", 1390)] }, // 1389
    List(1366), // 1390
    List(1389), // 1391
    List(1378), // 1392
    List(1388), // 1393
    Object { name: "RuntimePatch", fields: &[("time", 0), ("manager", 0), ("trainingRuntimeSpec", 1395)] }, // 1394
    Object { name: "TrainingRuntimeSpecPatch", fields: &[("template", 1396)] }, // 1395
    Object { name: "JobSetTemplatePatch", fields: &[("spec", 1397), ("metadata", 2)] }, // 1396
    Object { name: "JobSetSpecPatch", fields: &[("replicatedJobs", 1412)] }, // 1397
    Object { name: "ReplicatedJobPatch", fields: &[("name", 0), ("template", 1399)] }, // 1398
    Object { name: "JobTemplatePatch", fields: &[("spec", 1400), ("metadata", 2)] }, // 1399
    Object { name: "JobSpecPatch", fields: &[("template", 1401)] }, // 1400
    Object { name: "PodTemplatePatch", fields: &[("spec", 1402), ("metadata", 2)] }, // 1401
    Object { name: "PodSpecPatch", fields: &[("volumes", 1403), ("affinity", 136), ("containers", 1408), ("tolerations", 1410), ("nodeSelector", 0), ("initContainers", 1407), ("schedulingGates", 1411), ("securityContext", 247), ("imagePullSecrets", 1409), ("serviceAccountName", 0), ("terminationGracePeriodSeconds", 0)] }, // 1402
    List(256), // 1403
    Object { name: "ContainerPatch", fields: &[("env", 1405), ("name", 0), ("resources", 190), ("volumeMounts", 1406), ("securityContext", 199)] }, // 1404
    List(161), // 1405
    List(209), // 1406
    List(1404), // 1407
    List(1404), // 1408
    List(234), // 1409
    List(251), // 1410
    List(244), // 1411
    List(1398), // 1412
    List(1394), // 1413
];

pub static ROOTS: &[((&str, &str), usize)] = &[
    (("admissionregistration.k8s.io/v1", "MutatingAdmissionPolicy"), 1),
    (("admissionregistration.k8s.io/v1", "MutatingAdmissionPolicyBinding"), 36),
    (("admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration"), 39),
    (("admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicy"), 52),
    (("admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicyBinding"), 66),
    (("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration"), 69),
    (("admissionregistration.k8s.io/v1alpha1", "MutatingAdmissionPolicy"), 75),
    (("admissionregistration.k8s.io/v1alpha1", "MutatingAdmissionPolicyBinding"), 95),
    (("admissionregistration.k8s.io/v1beta1", "MutatingAdmissionPolicy"), 98),
    (("admissionregistration.k8s.io/v1beta1", "MutatingAdmissionPolicyBinding"), 118),
    (("apiextensions.k8s.io/v1", "CustomResourceDefinition"), 1232),
    (("apiregistration.k8s.io/v1", "APIService"), 1274),
    (("apps/v1", "ControllerRevision"), 130),
    (("apps/v1", "DaemonSet"), 132),
    (("apps/v1", "Deployment"), 325),
    (("apps/v1", "ReplicaSet"), 332),
    (("apps/v1", "StatefulSet"), 337),
    (("authentication.k8s.io/v1", "SelfSubjectReview"), 359),
    (("authentication.k8s.io/v1", "TokenRequest"), 365),
    (("authentication.k8s.io/v1", "TokenReview"), 372),
    (("authorization.k8s.io/v1", "LocalSubjectAccessReview"), 377),
    (("authorization.k8s.io/v1", "SelfSubjectAccessReview"), 391),
    (("authorization.k8s.io/v1", "SelfSubjectRulesReview"), 393),
    (("authorization.k8s.io/v1", "SubjectAccessReview"), 406),
    (("autoscaling/v1", "HorizontalPodAutoscaler"), 407),
    (("autoscaling/v1", "Scale"), 411),
    (("autoscaling/v2", "HorizontalPodAutoscaler"), 414),
    (("batch/v1", "CronJob"), 441),
    (("batch/v1", "Job"), 470),
    (("certificates.k8s.io/v1", "CertificateSigningRequest"), 477),
    (("certificates.k8s.io/v1", "ClusterTrustBundle"), 486),
    (("certificates.k8s.io/v1", "PodCertificateRequest"), 488),
    (("certificates.k8s.io/v1beta1", "ClusterTrustBundle"), 493),
    (("certificates.k8s.io/v1beta1", "PodCertificateRequest"), 495),
    (("coordination.k8s.io/v1", "Lease"), 500),
    (("coordination.k8s.io/v1alpha2", "LeaseCandidate"), 503),
    (("coordination.k8s.io/v1beta1", "LeaseCandidate"), 505),
    (("discovery.k8s.io/v1", "EndpointSlice"), 682),
    (("events.k8s.io/v1", "Event"), 695),
    (("flowcontrol.apiserver.k8s.io/v1", "FlowSchema"), 697),
    (("flowcontrol.apiserver.k8s.io/v1", "PriorityLevelConfiguration"), 721),
    (("internal.apiserver.k8s.io/v1alpha1", "StorageVersion"), 121),
    (("jobset.x-k8s.io/v1alpha2", "JobSet"), 1280),
    (("kubeflow.org/v1", "JAXJob"), 1297),
    (("kubeflow.org/v1", "MPIJob"), 1303),
    (("kubeflow.org/v1", "MXJob"), 1306),
    (("kubeflow.org/v1", "PaddleJob"), 1310),
    (("kubeflow.org/v1", "PyTorchJob"), 1315),
    (("kubeflow.org/v1", "TFJob"), 1322),
    (("kubeflow.org/v1", "XGBoostJob"), 1325),
    (("kubeflow.org/v2beta1", "MPIJob"), 1328),
    (("leaderworkerset.x-k8s.io/v1", "LeaderWorkerSet"), 1331),
    (("lifecycle.k8s.io/v1alpha1", "Eviction"), 730),
    (("lifecycle.k8s.io/v1alpha1", "EvictionRequest"), 742),
    (("networking.k8s.io/v1", "IPAddress"), 748),
    (("networking.k8s.io/v1", "Ingress"), 751),
    (("networking.k8s.io/v1", "IngressClass"), 770),
    (("networking.k8s.io/v1", "NetworkPolicy"), 773),
    (("networking.k8s.io/v1", "ServiceCIDR"), 788),
    (("node.k8s.io/v1", "RuntimeClass"), 793),
    (("policy/v1", "Eviction"), 799),
    (("policy/v1", "PodDisruptionBudget"), 803),
    (("rbac.authorization.k8s.io/v1", "ClusterRole"), 808),
    (("rbac.authorization.k8s.io/v1", "ClusterRoleBinding"), 818),
    (("rbac.authorization.k8s.io/v1", "Role"), 822),
    (("rbac.authorization.k8s.io/v1", "RoleBinding"), 824),
    (("resource.k8s.io/v1", "DeviceClass"), 826),
    (("resource.k8s.io/v1", "DeviceTaintRule"), 834),
    (("resource.k8s.io/v1", "ResourceClaim"), 840),
    (("resource.k8s.io/v1", "ResourceClaimTemplate"), 884),
    (("resource.k8s.io/v1", "ResourceSlice"), 886),
    (("resource.k8s.io/v1alpha3", "DeviceTaintRule"), 918),
    (("resource.k8s.io/v1alpha3", "ResourcePoolStatusRequest"), 924),
    (("resource.k8s.io/v1beta1", "DeviceClass"), 935),
    (("resource.k8s.io/v1beta1", "ResourceClaim"), 943),
    (("resource.k8s.io/v1beta1", "ResourceClaimTemplate"), 986),
    (("resource.k8s.io/v1beta1", "ResourceSlice"), 988),
    (("resource.k8s.io/v1beta2", "DeviceClass"), 1022),
    (("resource.k8s.io/v1beta2", "DeviceTaintRule"), 1030),
    (("resource.k8s.io/v1beta2", "ResourceClaim"), 1036),
    (("resource.k8s.io/v1beta2", "ResourceClaimTemplate"), 1080),
    (("resource.k8s.io/v1beta2", "ResourceSlice"), 1082),
    (("scheduling.k8s.io/v1", "PriorityClass"), 1114),
    (("scheduling.k8s.io/v1alpha3", "CompositePodGroup"), 1115),
    (("scheduling.k8s.io/v1alpha3", "PodGroup"), 1128),
    (("scheduling.k8s.io/v1alpha3", "Workload"), 1144),
    (("scheduling.k8s.io/v1beta1", "PodGroup"), 1154),
    (("scheduling.k8s.io/v1beta1", "Workload"), 1172),
    (("storage.k8s.io/v1", "CSIDriver"), 1190),
    (("storage.k8s.io/v1", "CSINode"), 1195),
    (("storage.k8s.io/v1", "CSIStorageCapacity"), 1206),
    (("storage.k8s.io/v1", "StorageClass"), 1207),
    (("storage.k8s.io/v1", "VolumeAttachment"), 1215),
    (("storage.k8s.io/v1", "VolumeAttributesClass"), 1221),
    (("storagemigration.k8s.io/v1", "StorageVersionMigration"), 1223),
    (("storagemigration.k8s.io/v1beta1", "StorageVersionMigration"), 1228),
    (("trainer.kubeflow.org/v1alpha1", "ClusterTrainingRuntime"), 1339),
    (("trainer.kubeflow.org/v1alpha1", "TrainJob"), 1355),
    (("trainer.kubeflow.org/v1alpha1", "TrainingRuntime"), 1339),
    (("v1", "Binding"), 507),
    (("v1", "ComponentStatus"), 508),
    (("v1", "ConfigMap"), 511),
    (("v1", "Endpoints"), 514),
    (("v1", "Event"), 522),
    (("v1", "LimitRange"), 525),
    (("v1", "Namespace"), 534),
    (("v1", "Node"), 540),
    (("v1", "PersistentVolume"), 572),
    (("v1", "PersistentVolumeClaim"), 343),
    (("v1", "Pod"), 596),
    (("v1", "PodTemplate"), 640),
    (("v1", "ReplicationController"), 641),
    (("v1", "ResourceQuota"), 647),
    (("v1", "Secret"), 658),
    (("v1", "Service"), 661),
    (("v1", "ServiceAccount"), 679),
];
